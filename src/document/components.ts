import type { ComponentCategory, ComponentEntry, Word } from './types.js';

/**
 * Named components: software systems, libraries and model families with a proper name.
 * Generic techniques ("logistic regression", "two-tower", "GNN", "collaborative filtering")
 * are deliberately absent: the rubric does not count them as named components.
 *
 * Spelling: `name` is canonical; `also` lists other spellings (token sequences, any case).
 * Words that are also ordinary English or acronyms with other meanings are case-sensitive.
 */
interface Spec {
  name: string;
  also?: string[];
  caseSensitive?: boolean;
}

/** `!Name` marks a case-sensitive entry. */
const CATALOG: Record<ComponentCategory, Array<string | Spec>> = {
  storage: [
    'Redis', 'Memcached', 'Cassandra', 'ScyllaDB', 'DynamoDB', 'Bigtable', 'HBase', 'MySQL', 'PostgreSQL', 'Postgres',
    'MongoDB', 'Elasticsearch', 'OpenSearch', { name: 'Amazon S3', also: ['S3'] }, 'HDFS', '!Hive', 'BigQuery', 'Snowflake',
    'Redshift', 'ClickHouse', '!Druid', '!Pinot', 'Aerospike', 'CockroachDB', '!Spanner', 'SQLite', 'Couchbase', 'Neo4j',
    'RocksDB', 'Delta Lake', '!Iceberg', 'Hudi', 'Parquet', '!Schemaless', 'Solr', 'Lucene', 'InfluxDB', 'TimescaleDB',
    'Cosmos DB', 'Firestore', 'Azure Blob Storage', '!GCS', '!Vespa', 'Riak', 'Voldemort', 'Hologres', 'TiDB', 'Databricks',
  ],
  streaming: [
    'Kafka', 'Kinesis', 'Flink', 'Spark Streaming', { name: 'Pub/Sub', also: ['PubSub'] }, 'Pulsar', '!Storm',
    { name: 'Apache Beam', also: ['Beam'], caseSensitive: true }, 'RabbitMQ', 'ActiveMQ', '!NATS', 'Samza', 'Debezium', 'Redpanda',
    'Kafka Streams', 'ksqlDB', '!Materialize', '!SQS', '!SNS', 'EventBridge', '!Dataflow',
  ],
  processing: [
    'Spark', 'PySpark', 'Hadoop', 'MapReduce', 'MRJob', '!Presto', 'Trino', 'Dask', '!Ray', 'Polars', 'Pandas', 'NumPy', '!dbt',
    '!Athena', '!Dataproc', '!Glue', '!Pig', '!Impala', '!Tez', 'DuckDB',
  ],
  orchestration: [
    'Airflow', 'Kubeflow', '!Luigi', 'Dagster', '!Prefect', '!Argo', 'Metaflow', 'Oozie', 'Flyte', '!Temporal', 'ZenML', 'TFX',
  ],
  'feature-store': [
    '!Feast', 'Tecton', 'Hopsworks', 'Michelangelo', 'Zipline', 'Chronon', 'Featureform', 'SageMaker Feature Store',
    'Vertex AI Feature Store', '!Palette', 'FBLearner',
  ],
  serving: [
    { name: 'TensorFlow Serving', also: ['TF Serving', 'TFServing'] }, 'TorchServe', 'Triton', 'Seldon', 'KServe', 'KFServing',
    'BentoML', 'TensorRT', 'ONNX', 'ONNX Runtime', 'OpenVINO', 'SageMaker', { name: 'Vertex AI', also: ['Vertex'], caseSensitive: true },
    'Azure ML', 'AzureML', 'Ray Serve', 'vLLM', '!Cortex', '!Clipper', 'TFLite', 'TensorFlow Lite', 'Core ML', 'CoreML', 'Thrift',
    'gRPC', '!Envoy', 'NGINX', 'Istio', 'FastAPI', '!Flask', '!Lambda', 'Cloud Run',
  ],
  'ml-library': [
    'TensorFlow', 'PyTorch', '!JAX', 'Keras', { name: 'scikit-learn', also: ['sklearn'] }, 'scikit-uplift', 'XGBoost', 'LightGBM',
    'CatBoost', 'Vowpal Wabbit', 'spaCy', 'NLTK', 'Gensim', { name: 'Hugging Face', also: ['HuggingFace'] }, 'MLflow',
    { name: 'Weights & Biases', also: ['wandb', 'Weights and Biases'] }, 'Optuna', 'Hyperopt', 'StatsModels', '!Prophet', '!H2O',
    'Spark MLlib', 'MLlib', 'DeepSpeed', 'Horovod', 'PyTorch Lightning', 'fastai', 'OpenCV', 'TFRecord', 'Petastorm', 'UTBoost',
    'CausalML', 'EconML', 'DoWhy', 'LangChain', 'LlamaIndex', 'SentencePiece', 'fastText', 'LightFM', 'TensorFlow Recommenders',
    'TorchRec', '!DGL', 'PyG', 'PyTorch Geometric', '!Lifelines', 'scikit-survival', 'pycox', 'Kaldi', 'ESPnet', '!NeMo',
    'OpenPose', 'Detectron2', 'MMDetection', '!SHAP', '!LIME', 'Evidently', 'Great Expectations', 'Deequ', 'TFDV', 'WhyLabs',
    'Arize', 'Fiddler', 'Alibi Detect', { name: 'Tesseract', also: ['pytesseract'] },
    { name: 'sentence-transformers', also: ['Sentence Transformers', 'SentenceTransformers'] },
  ],
  model: [
    'BERT', 'DistilBERT', 'RoBERTa', '!ALBERT', 'DeBERTa', 'XLNet', '!ELECTRA', 'Sentence-BERT', 'SBERT', 'MiniLM', '!T5',
    { name: 'GPT', also: ['GPT-2', 'GPT-3', 'GPT-3.5', 'GPT-4', 'GPT-4o', 'ChatGPT'] }, 'LLaMA', 'Llama 2', '!Mistral', '!Claude',
    '!Gemini', 'PaLM', 'ResNet', 'ResNet-50', 'EfficientNet', 'MobileNet', '!Inception', 'VGG', 'ViT', 'Vision Transformer',
    { name: 'YOLO', also: ['YOLOv5', 'YOLOv8', 'YOLOv3'] }, { name: 'Faster R-CNN', also: ['Faster RCNN', 'Fast R-CNN', 'Fast RCNN'] },
    { name: 'Mask R-CNN', also: ['Mask RCNN'] }, { name: 'R-CNN', also: ['RCNN'] }, '!SSD', 'RetinaNet', 'DETR', 'U-Net', '!CLIP',
    'SimCLR', '!MoCo', 'BYOL', '!DINO', 'Word2Vec', 'GloVe', '!ELMo', 'Doc2Vec', 'Node2Vec', 'DeepWalk', 'GraphSAGE', 'PinSage',
    'DeepFM', { name: 'DCN', also: ['DCN-v2', 'DCNv2', 'Deep Cross Network', 'Deep and Cross Network', 'Deep & Cross Network'] },
    { name: 'Wide & Deep', also: ['Wide and Deep'] }, 'DLRM', 'xDeepFM', 'AutoInt', '!DIN', '!DIEN', 'MMoE', '!PLE', 'SASRec',
    'BERT4Rec', 'GRU4Rec', 'YouTube DNN', { name: 'EdgeRank', also: ['Edge Rank'] }, 'PageRank', 'LambdaMART', 'LambdaRank', 'RankNet', '!SORT', 'DeepSORT',
    'IntentNet', 'ChauffeurNet', 'PointNet', 'PointPillars', 'VoxelNet', 'ResNeXt', 'PoseNet', 'TrackFormer', 'VideoMoCo', 'DistilmBERT', '!Whisper', 'wav2vec', 'Tacotron', 'WaveNet', 'DeepSpeech',
    '!Conformer', 'HuBERT', 'Stable Diffusion', 'DALL-E', 'Swin Transformer', 'ConvNeXt', 'LayoutLM', 'XLM-R', 'mBERT', 'LaBSE',
    '!E5', 'ColBERT', '!DPR', 'DSSM', '!NCF', 'DeepAR', 'N-BEATS', '!TFT', 'Temporal Fusion Transformer',
  ],
  'vector-search': ['Faiss', 'ScaNN', 'Annoy', 'hnswlib', 'Milvus', 'Pinecone', 'Weaviate', 'Qdrant', '!Vald', 'pgvector', '!Chroma'],
  monitoring: [
    'Prometheus', 'Grafana', 'Datadog', 'PagerDuty', 'Opsgenie', 'Sentry', 'New Relic', 'Splunk', 'Kibana', 'CloudWatch',
    'OpenTelemetry', 'Jaeger', '!Superset', '!Looker', '!Tableau', 'Metabase',
  ],
  platform: [
    'Dataiku', 'DataRobot', 'Vertex Pipelines', 'SageMaker Pipelines', 'Katib', 'GrowthBook', 'Optimizely', 'LaunchDarkly', 'Statsig',
    '!AWS', '!GCP', 'Azure', 'Google Cloud', '!EC2', '!EKS', '!GKE', '!AKS', 'Cloud Functions', 'Backblaze', 'Cloudflare Workers', { name: 'Amazon SES', also: ['AWS SES'] }, '!SES',
  ],
  infrastructure: [
    'Kubernetes', 'K8s', 'Docker', 'Terraform', '!Helm', '!Consul', 'ZooKeeper', 'etcd', 'HAProxy', 'Cloudflare', 'CloudFront',
    'Akamai', 'Fastly', 'Varnish', '!Nomad', 'Mesos', '!YARN', 'Slurm', '!Celery', 'Sidekiq',
  ],
};

/** Token sequence as the word segmenter produces it ("Faster R-CNN" -> ["Faster", "R", "CNN"]). */
function tokensOf(spelling: string): string[] {
  return spelling.match(/[\p{L}\p{N}]+(?:\.\d+)?/gu) ?? [];
}

interface IndexEntry {
  /** Lower-case tokens. */
  tokens: string[];
  /** Tokens as spelled, for case-sensitive entries. */
  exact: string[];
  entry: ComponentEntry;
}

export class ComponentLexicon {
  /** First token (lower case) -> candidate spellings, longest first. */
  private readonly index = new Map<string, IndexEntry[]>();
  readonly entries: ComponentEntry[] = [];

  constructor(catalog: Record<string, Array<string | Spec>> = CATALOG) {
    for (const [category, specs] of Object.entries(catalog)) {
      for (const raw of specs) {
        const spec: Spec = typeof raw === 'string' ? (raw.startsWith('!') ? { name: raw.slice(1), caseSensitive: true } : { name: raw }) : raw;
        this.add(spec, category as ComponentCategory);
      }
    }
  }

  add(spec: Spec, category: ComponentCategory): ComponentEntry {
    const spellings = [spec.name, ...(spec.also ?? [])];
    const entry: ComponentEntry = {
      name: spec.name,
      category,
      aliases: spellings.map((s) => tokensOf(s).join(' ').toLowerCase()),
      caseSensitive: spec.caseSensitive ?? false,
    };
    this.entries.push(entry);
    for (const spelling of spellings) {
      const exact = tokensOf(spelling);
      if (exact.length === 0) continue;
      const tokens = exact.map((t) => t.toLowerCase());
      const first = tokens[0] as string;
      const list = this.index.get(first) ?? [];
      list.push({ tokens, exact, entry });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      this.index.set(first, list);
    }
    return entry;
  }

  /** Mentions in a word sequence, as [entry, first word index, last word index]. */
  find(words: readonly Word[]): Array<[ComponentEntry, number, number]> {
    const found: Array<[ComponentEntry, number, number]> = [];
    for (let i = 0; i < words.length; i++) {
      const candidates = this.index.get((words[i] as Word).lower);
      if (!candidates) continue;
      for (const { tokens, exact, entry } of candidates) {
        if (i + tokens.length > words.length) continue;
        let ok = true;
        for (let k = 0; k < tokens.length && ok; k++) {
          const w = words[i + k] as Word;
          ok = entry.caseSensitive ? w.text === exact[k] : w.lower === tokens[k];
        }
        if (ok) {
          found.push([entry, i, i + tokens.length - 1]);
          i += tokens.length - 1;
          break;
        }
      }
    }
    return found;
  }
}

export const defaultComponents = new ComponentLexicon();
