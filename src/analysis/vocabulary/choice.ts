/**
 * Words that mark an option as the one the answer takes or as one it sets aside. Answers often
 * weigh options ("precision@k does not consider rank; here we use mAP", "❌ accuracy / ✅ PR-AUC"):
 * a reader quotes the option taken as the attempt, never the one set aside.
 */

/** The option taken: a choice verb, a primary or main pick, a tick. */
export const CHOSEN = /(?:✅|✔|\b(?:we (?:will |would |'ll )?(?:choose|chose|use|pick|select|go with|opt for|rely on)|(?:so|here|then) (?:we )?(?:use|choose|pick)|(?:primary|main|north[- ]star|key|chosen|selected|target) (?:offline |online )?metrics?|will be (?:used|measured|evaluated))\b)/iu;

/** The option set aside: a cross, a rejection, a shortcoming named in passing. */
export const SET_ASIDE = /(?:❌|✗|✘|\b(?:not (?:a )?(?:good|suitable|appropriate|ideal|enough|useful|reliable)|(?:is|are) misleading|does(?:n't| not) (?:consider|capture|account for|reflect|work)|not consider\w*|instead of using|rather than using|cons)\b)/iu;
