/**
 * Cue words of the rules in Russian, by concept, for answers written in Russian (the design-doc
 * template of many Russian ML courses). Russian inflects, so each cue is a stem followed by any
 * letters; word starts are letter boundaries (`\b` does not see Cyrillic letters).
 */

/** A prediction target: the model predicts, forecasts, classifies, recognises, ranks; a probability. */
export const TARGET_RU = /(?<!\p{L})(?:предсказ\p{L}*|прогноз\p{L}*|классифи\p{L}*|вероятност\p{L}*|распозна\p{L}*|ранжир\p{L}*|детекци\p{L}*|детектир\p{L}*)/gu;

/** Where ground truth comes from: labelling, annotation, labels, feedback. */
export const LABEL_SOURCE_RU = /(?<!\p{L})(?:разметк\p{L}*|размеч\p{L}*|аннотаци\p{L}*|аннотир\p{L}*|метк[аиуео]\p{L}*|целев\p{L}* переменн\p{L}*|обратн\p{L}* связ\p{L}*|фидб[еэ]к\p{L}*)/gu;

/** Watching the system in production: monitoring, tracking, alerts, dashboards, drift. */
export const MONITOR_RU = /(?<!\p{L})(?:мониторинг\p{L}*|мониторит\p{L}*|отслежива\p{L}*|алерт\p{L}*|оповещени\p{L}*|дашборд\p{L}*|дрейф\p{L}*)/gu;

/** Online inference: 'в реальном времени', 'на запрос', 'онлайн-инференс', 'на каждый кадр'. */
export const ONLINE_INFERENCE_RU = /(?<!\p{L})(?:в реальном времени|реального времени|на (?:каждый )?запрос|по запросу|онлайн|синхронн\p{L}*|на лету|на (?:каждый )?кадр)(?!\p{L})/gu;

/** What is served: the model, predictions, requests, responses, the service, processing. */
export const SERVING_SUBJECT_RU = /(?<!\p{L})(?:модел\p{L}*|предсказ\p{L}*|прогноз\p{L}*|запрос\p{L}*|ответ\p{L}*|сервис\p{L}*|систем\p{L}*|инференс\p{L}*|обработк\p{L}*)/gu;
