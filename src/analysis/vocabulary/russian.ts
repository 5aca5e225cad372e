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

/**
 * Retraining named: переобучать, переобучение модели, дообучать, пересчёт, обновление (весов) модели.
 * The bare noun "переобучение" is also overfitting ("для предотвращения переобучения"), so the noun
 * counts with its object or its data; "без дообучения" (without) names none.
 */
export const RETRAIN_RU = /(?<!\p{L})(?<!без )(?:переобуча\p{L}*|переобучит\p{L}*|переобучим|дообуча\p{L}*|дообучит\p{L}*|(?:пере|до)обучени\p{L}* (?:модел\p{L}*|на (?:новых|свежих|последних|актуальных))|пересч[её]т\p{L}*|обновл\p{L}* (?:весов |параметров )?модел\p{L}*)/gu;

/** A cadence: ежедневно, еженедельно, раз в неделю, каждые 7 дней, каждый месяц. */
export const CADENCE_RU = /(?<!\p{L})(?:ежедневн\p{L}*|еженедельн\p{L}*|ежемесячн\p{L}*|ежечасн\p{L}*|ежекварталь\p{L}*|раз в (?:день|сутки|неделю|месяц|час|квартал|год)|кажд\p{L}* (?:\d+ )?(?:день|дн\p{L}*|сутк\p{L}*|недел\p{L}*|месяц\p{L}*|час\p{L}*|квартал\p{L}*))(?!\p{L})/u;

/** A data window around a duration: за последние 90 дней, скользящее окно. */
export const WINDOW_RU = /(?<!\p{L})(?:последн\p{L}*|скользящ\p{L}*|окн[оаеу]|окном|за период)(?!\p{L})/u;

/** Predictions served through an API: "API-эндпоинт возвращает прогноз", "прогноз отдаётся через REST API". */
export const API_RU = /(?<!\p{L})(?:(?:api|эндпоинт\p{L}*|сервис\p{L}*)[^.;]{0,60}(?:возвращ|отда[её]т|отдава)\p{L}*[^.;]{0,40}(?:прогноз|предсказ|рекомендац|скор|вероятност)\p{L}*|(?:прогноз|предсказ|рекомендац)\p{L}*[^.;]{0,40}(?:через|по) (?:rest[- ])?api)/gu;

/** A latency stated as a budget in Russian: задержка, время ответа, не более, в пределах. */
export const BUDGET_CUE_RU = /(?<!\p{L})(?:задержк\p{L}*|(?:время|времени) (?:ответа|отклика)|отклик\p{L}*|не более|не больше|не дольше|в пределах|должн\p{L}*)(?!\p{L})/u;
