/**
 * Where an answer spends its words (finding `model-heavy`): model architecture against the data,
 * features, serving and operations around it.
 */

/** Vocabulary of modelling and of infrastructure, for sentences outside classified sections. */
export const MODEL_WORDS =
  /\b(?:architecture|layers?|neurons?|activation|attention|transformer|tower|embedding dim\w*|loss|optimi[sz]er|learning rate|epochs?|regulari[sz]\w*|dropout|hyper-?parameters?|gradient|backprop\w*|convolution\w*|recurrent|softmax|sigmoid|logits?|weights|fine[- ]?tun\w*|pre-?train\w*|cross[- ]entropy|boosting|trees? depth|ensemble)\b/g;

export const INFRA_WORDS =
  /\b(?:pipelines?|ingest\w*|feature store|stream\w*|kafka|spark|flink|airflow|serv\w*|deploy\w*|latency|qps|cache|redis|monitor\w*|drift|alert\w*|retrain\w*|logging|logs?|storage|warehouse|data quality|freshness|batch|real[- ]time|scal\w*|throughput|rollback|canary|registry)\b/g;
