export { Document, createDocument, type DocumentOptions } from './document.js';
export { ComponentLexicon, defaultComponents } from './components.js';
export { extractQuantities } from './quantities.js';
export { kindsOfTitle } from './classify.js';
export * from './types.js';
