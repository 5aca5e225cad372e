/**
 * Cue words of the rules in Russian, by concept, for answers written in Russian (the design-doc
 * template of many Russian ML courses). Russian inflects, so each cue is a stem followed by any
 * letters; word starts are letter boundaries (`\b` does not see Cyrillic letters).
 */

/**
 * A letter, for the word boundaries and stem endings below: Latin and Cyrillic letters of
 * lower-cased text. Written as a class rather than `\p{L}`: V8 builds the Unicode property
 * sets of a `\p{...}` literal when the module loads (~20 ms for this file, on every cold start,
 * though only Cyrillic statements use these patterns).
 */
const LETTER = '[a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0400-\\u052f]';

/** A pattern written with `\p{L}` for a letter, built with LETTER instead. */
function ru(source: string, flags: string): RegExp {
  return new RegExp(source.replaceAll('\\p{L}', LETTER), flags);
}

/** A prediction target: the model predicts, forecasts, classifies, recognises, ranks; a probability. */
export const TARGET_RU = ru(String.raw`(?<!\p{L})(?:предсказ\p{L}*|прогноз\p{L}*|классифи\p{L}*|вероятност\p{L}*|распозна\p{L}*|ранжир\p{L}*|детекци\p{L}*|детектир\p{L}*)`, 'g');

/** Where ground truth comes from: labelling, annotation, labels, feedback. */
export const LABEL_SOURCE_RU = ru(String.raw`(?<!\p{L})(?:разметк\p{L}*|размеч\p{L}*|аннотаци\p{L}*|аннотир\p{L}*|метк[аиуео]\p{L}*|целев\p{L}* переменн\p{L}*|обратн\p{L}* связ\p{L}*|фидб[еэ]к\p{L}*)`, 'g');

/** Watching training, not production: 'ранняя остановка', 'метрики валидации', 'риск переобучения' (overfitting; 'переобучение' alone is also retraining). */
export const TRAINING_TIME_RU = ru(String.raw`(?<!\p{L})(?:ранн\p{L}* останов\p{L}*|останов\p{L}* (?:до)?обучени\p{L}*|(?:риск\p{L}*|избежа\p{L}*|борьб\p{L}* с) переобучени\p{L}*|(?:метрик\p{L}*|лосс\p{L}*|потер\p{L}*) (?:на )?валидаци\p{L}*)`, '');

/** Watching the system in production: monitoring, tracking, alerts, dashboards, drift. */
export const MONITOR_RU = ru(String.raw`(?<!\p{L})(?:мониторинг\p{L}*|мониторит\p{L}*|отслежива\p{L}*|алерт\p{L}*|оповещени\p{L}*|дашборд\p{L}*|дрейф\p{L}*)`, 'g');

/** Online inference: 'в реальном времени', 'на запрос', 'онлайн-инференс', 'на каждый кадр'. */
export const ONLINE_INFERENCE_RU = ru(String.raw`(?<!\p{L})(?:в реальном времени|реального времени|на (?:каждый )?запрос|по запросу|онлайн|синхронн\p{L}*|на лету|на (?:каждый )?кадр)(?!\p{L})`, 'g');

/** What is served: the model, predictions, requests, responses, the service, processing. */
export const SERVING_SUBJECT_RU = ru(String.raw`(?<!\p{L})(?:модел\p{L}*|предсказ\p{L}*|прогноз\p{L}*|запрос\p{L}*|ответ\p{L}*|сервис\p{L}*|систем\p{L}*|инференс\p{L}*|обработк\p{L}*)`, 'g');

/**
 * Retraining named: переобучать, переобучение модели, дообучать, пересчёт, обновление (весов) модели.
 * The bare noun "переобучение" is also overfitting ("для предотвращения переобучения"), so the noun
 * counts with its object or its data; "без дообучения" (without) names none.
 */
export const RETRAIN_RU = ru(String.raw`(?<!\p{L})(?<!без )(?:переобуча\p{L}*|переобучит\p{L}*|переобучим|дообуча\p{L}*|дообучит\p{L}*|(?:пере|до)обучени\p{L}* (?:модел\p{L}*|на (?:новых|свежих|последних|актуальных))|пересч[её]т\p{L}*|обновл\p{L}* (?:весов |параметров )?модел\p{L}*)`, 'g');

/** A cadence: ежедневно, еженедельно, раз в неделю, каждые 7 дней, каждый месяц. */
export const CADENCE_RU = ru(String.raw`(?<!\p{L})(?:ежедневн\p{L}*|еженедельн\p{L}*|ежемесячн\p{L}*|ежечасн\p{L}*|ежекварталь\p{L}*|раз в (?:день|сутки|неделю|месяц|час|квартал|год)|кажд\p{L}* (?:\d+ )?(?:день|дн\p{L}*|сутк\p{L}*|недел\p{L}*|месяц\p{L}*|час\p{L}*|квартал\p{L}*))(?!\p{L})`, '');

/** A data window around a duration: за последние 90 дней, скользящее окно. */
export const WINDOW_RU = ru(String.raw`(?<!\p{L})(?:последн\p{L}*|скользящ\p{L}*|окн[оаеу]|окном|за период)(?!\p{L})`, '');

/** Predictions served through an API: "API-эндпоинт возвращает прогноз", "прогноз отдаётся через REST API". */
export const API_RU = ru(String.raw`(?<!\p{L})(?:(?:api|эндпоинт\p{L}*|сервис\p{L}*)[^.;]{0,60}(?:возвращ|отда[её]т|отдава)\p{L}*[^.;]{0,40}(?:прогноз|предсказ|рекомендац|скор|вероятност)\p{L}*|(?:прогноз|предсказ|рекомендац)\p{L}*[^.;]{0,40}(?:через|по) (?:rest[- ])?api)`, 'g');

/** A latency stated as a budget in Russian: задержка, время ответа, не более, в пределах. */
export const BUDGET_CUE_RU = ru(String.raw`(?<!\p{L})(?:задержк\p{L}*|(?:время|времени) (?:ответа|отклика)|отклик\p{L}*|не более|не больше|не дольше|в пределах|должн\p{L}*)(?!\p{L})`, '');

/** The stages of the training pipeline in Russian (the same keys as TRAINING_STAGES in pipeline.ts). */
export const TRAINING_STAGES_RU: Record<string, RegExp> = {
  ingestion: ru(String.raw`(?<!\p{L})(?:сбор\p{L}* данных|загрузк\p{L}* данных|выгрузк\p{L}*|извлечени\p{L}* данных|обучающ\p{L}* выборк\p{L}*|формировани\p{L}* (?:датасета|выборки)|датасет\p{L}*)(?!\p{L})`, 'g'),
  features: ru(String.raw`(?<!\p{L})(?:признак\p{L}*|фич\p{L}*|предобработк\p{L}*|препроцессинг\p{L}*|векториз\p{L}*|токениз\p{L}*|нормализ\p{L}*)(?!\p{L})`, 'g'),
  training: ru(String.raw`(?<!\p{L})(?:обуча\p{L}*|обучени\p{L}*|обучит\p{L}*|обучен\p{L}* модел\p{L}*|дообуч\p{L}*|переобуча\p{L}*)(?!\p{L})`, 'g'),
  evaluation: ru(String.raw`(?<!\p{L})(?:валидац\p{L}*|валидационн\p{L}*|тестов\p{L}* (?:выборк|набор|данн)\p{L}*|кросс-валидац\p{L}*|оценк\p{L}* качеств\p{L}*|бэктест\p{L}*)(?!\p{L})`, 'g'),
  versioning: ru(String.raw`(?<!\p{L})(?:версиониров\p{L}*|верси\p{L}* модел\p{L}*|реестр\p{L}* модел\p{L}*|артефакт\p{L}*)(?!\p{L})`, 'g'),
};

/** The stages of the serving path in Russian (the same keys as SERVING_STAGES in pipeline.ts). */
export const SERVING_STAGES_RU: Record<string, RegExp> = {
  retrieval: ru(String.raw`(?<!\p{L})(?:(?:получ|загруж|извлека|запрашива)\p{L}* (?:\p{L}+ ){0,2}(?:признак|фич|эмбеддинг|кандидат)\p{L}*|принима\p{L}* (?:\p{L}+ )?запрос\p{L}*|захват\p{L}* кадр\p{L}*|получени\p{L}* запрос\p{L}*)(?!\p{L})`, 'g'),
  inference: ru(String.raw`(?<!\p{L})(?:инференс\p{L}*|скоринг\p{L}*|применени\p{L}* модел\p{L}*|(?:запуск|вызов)\p{L}* модел\p{L}*|модель (?:предсказывает|прогнозирует|возвращает)|детекци\p{L}*|распознавани\p{L}*)(?!\p{L})`, 'g'),
  postprocessing: ru(String.raw`(?<!\p{L})(?:ранжир\p{L}*|переранжир\p{L}*|фильтрац\p{L}*|постобработк\p{L}*|сортиров\p{L}*|бизнес-правил\p{L}*)(?!\p{L})`, 'g'),
  logging: ru(String.raw`(?<!\p{L})(?:логир\p{L}*|(?:сохранени|запис)\p{L}* (?:\p{L}+ )?(?:результат|предсказани|прогноз|ответ)\p{L}*)(?!\p{L})`, 'g'),
  response: ru(String.raw`(?<!\p{L})(?:(?:возвращ|отда|выда|отобража|показыва)\p{L}* (?:\p{L}+ ){0,2}(?:прогноз|результат|предсказани|ответ|рекомендац|список)\p{L}*)(?!\p{L})`, 'g'),
};

/** Words that put a Russian statement on the serving side, or on the training side. */
export const SERVING_CONTEXT_RU = ru(String.raw`(?<!\p{L})(?:инференс\p{L}*|сервис\p{L}*|запрос\p{L}*|онлайн|в реальном времени|продакшн\p{L}*|прод|api|эндпоинт\p{L}*|развертыв\p{L}*|развёртыв\p{L}*|деплой\p{L}*)(?!\p{L})`, 'g');
export const TRAINING_CONTEXT_RU = ru(String.raw`(?<!\p{L})(?:обуч\p{L}*|офлайн|оффлайн|датасет\p{L}*|выборк\p{L}*|историческ\p{L}*|эксперимент\p{L}*|разметк\p{L}*)(?!\p{L})`, 'g');

/** Features named in Russian: признаки, фичи, эмбеддинги. */
export const FEATURE_RU = ru(String.raw`(?<!\p{L})(?:признак\p{L}*|фич\p{L}*|эмбеддинг\p{L}*)(?!\p{L})`, '');

/** Batch freshness in Russian: пересчитываются ежедневно, офлайн, предрассчитанные, исторические, статические. */
export const BATCH_FEATURE_RU = ru(String.raw`(?<!\p{L})(?:ежедневн\p{L}*|еженедельн\p{L}*|раз в (?:день|сутки|неделю|час)|офлайн\p{L}*|оффлайн\p{L}*|предрасч[её]т\p{L}*|предрассчит\p{L}*|предвычисл\p{L}*|историческ\p{L}*|статическ\p{L}*|батч\p{L}*|пакетн\p{L}*)(?!\p{L})`, 'g');

/** Real-time freshness in Russian: в реальном времени, онлайн, потоковые, на лету, текущие, в момент запроса. */
export const REALTIME_FEATURE_RU = ru(String.raw`(?<!\p{L})(?:в реальном времени|реального времени|онлайн\p{L}*|потоков\p{L}*|стрим\p{L}*|на лету|текущ\p{L}* (?:сесси|остат|контекст|корзин|запрос|местоположени)\p{L}*|в момент запроса|за последние \d+ (?:минут|секунд)\p{L}*)(?!\p{L})`, 'g');

/** Where a Russian answer evaluates: оценка, метрика, валидация, тестовая или отложенная выборка. */
export const EVALUATION_CONTEXT_RU = ru(String.raw`(?<!\p{L})(?:оцен\p{L}*|метрик\p{L}*|валидац\p{L}*|валидационн\p{L}*|тестов\p{L}* (?:выборк|набор|данн)\p{L}*|отложенн\p{L}*|бейзлайн\p{L}*|кросс-валидац\p{L}*)(?!\p{L})`, 'g');

/** Product and business metrics in Russian: выручка, продажи, конверсия, удержание, оборот, прибыль, отток. */
export const BUSINESS_METRIC_RU = ru(String.raw`(?<!\p{L})(?:выручк\p{L}*|продаж\p{L}*|конверси\p{L}*|удержани\p{L}*|оборот\p{L}*|прибыл\p{L}*|доход\p{L}*|средн\p{L}* чек\p{L}*|отток\p{L}*|retention|время (?:просмотра|в приложении))(?!\p{L})`, 'g');

/** The kinds of model-health signal in Russian (the same keys as SIGNAL_KINDS in monitoring.ts). */
export const SIGNAL_KINDS_RU: Record<string, RegExp> = {
  'data drift': ru(String.raw`(?<!\p{L})(?:дрейф\p{L}* (?:признак|данн|фич|входн)\p{L}*|распределени\p{L}* (?:признак|данн|фич|входн)\p{L}*|качеств\p{L}* данных|пропуск\p{L}* (?:в данных|значени)\p{L}*)(?!\p{L})`, 'g'),
  'model quality': ru(String.raw`(?<!\p{L})(?:качеств\p{L}* (?:модел|прогноз|предсказани)\p{L}*|деградаци\p{L}*|точност\p{L}* (?:модел|прогноз)\p{L}*|ошибк\p{L}* (?:модел|прогноз)\p{L}*|дрейф\p{L}* (?:концепци|целев)\p{L}*)(?!\p{L})`, 'g'),
  'prediction shift': ru(String.raw`(?<!\p{L})(?:распределени\p{L}* (?:предсказани|прогноз|скор|выход)\p{L}*|дрейф\p{L}* (?:предсказани|прогноз|скор)\p{L}*)(?!\p{L})`, 'g'),
  'business metric': BUSINESS_METRIC_RU,
};

/** What happens when a signal moves, in Russian: алерт, оповещение, откат, переобучение, ручная проверка. */
export const ACTION_RU = ru(String.raw`(?<!\p{L})(?:алерт\p{L}*|оповещ\p{L}*|уведомл\p{L}*|откат\p{L}*|откатыва\p{L}*|переобуч\p{L}*|эскалац\p{L}*|ручн\p{L}* (?:проверк|разбор|анализ)\p{L}*|инцидент\p{L}*)(?!\p{L})`, 'g');

/** The strong ones of them: an alert, a rollback, a triggered retraining. */
export const STRONG_ACTION_RU = ru(String.raw`(?<!\p{L})(?:алерт\p{L}*|оповещ\p{L}*|откат\p{L}*|откатыва\p{L}*|запуска\p{L}* переобуч\p{L}*|переобучени\p{L}* запуска\p{L}*)(?!\p{L})`, '');

/** Words that give a Russian label its delay: известны через, поступают, спустя, с задержкой, в течение. */
export const DELAY_CUE_RU = ru(String.raw`(?<!\p{L})(?:через|спустя|задержк\p{L}*|поступа\p{L}*|приход\p{L}*|появля\p{L}*|известн\p{L}*|в течение|созрева\p{L}*)(?!\p{L})`, 'g');

/** Events from users or the world that make labels, in Russian: продажи, покупки, клики, заказы, возвраты, оценки, отзывы. */
export const FEEDBACK_EVENT_RU = ru(String.raw`(?<!\p{L})(?:продаж\p{L}*|покупк\p{L}*|клик\p{L}*|заказ\p{L}*|возврат\p{L}*|оценк\p{L}* пользовател\p{L}*|отзыв\p{L}*|просмотр\p{L}*|конверси\p{L}*|жалоб\p{L}*|модератор\p{L}*|асессор\p{L}*|разметчик\p{L}*)(?!\p{L})`, 'g');
