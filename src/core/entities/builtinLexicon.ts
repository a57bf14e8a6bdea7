/**
 * The built-in lexicon of the field, written by us as data: Chinese and global technology
 * and business organisations, their products, people and places. Names are written in
 * Simplified script; matching happens on the Simplified view of an article, so Traditional
 * spellings (阿里雲, 張勇) and wrong conversions (阿裏雲) meet the same entry. Latin names
 * match case-insensitively. An alias ending in `*` is a short form that counts only in an
 * article that also names the entity in full (阿里 for 阿里巴巴).
 *
 * Format of a line: canonical | type | aliases separated by commas | optional note
 */
export const BUILTIN_LEXICON = `
阿里巴巴|org|阿里巴巴集团,Alibaba,Alibaba Group,阿里*|中国电商与云计算集团
阿里云|org|阿里云智能,Alibaba Cloud,Aliyun|阿里巴巴旗下云计算业务
阿里云智能集团|org||阿里巴巴的云业务集团
达摩院|org|阿里达摩院,DAMO Academy|阿里巴巴的研究机构
钉钉|product|DingTalk|
淘宝|product|Taobao|
天猫|product|Tmall|
菜鸟|org|菜鸟网络,Cainiao|
蚂蚁集团|org|蚂蚁金服,Ant Group|
支付宝|product|Alipay|
通义千问|product|通义,Qwen,Tongyi Qianwen|阿里云的大语言模型
通义万相|product||
腾讯|org|腾讯控股,腾讯公司,Tencent|
腾讯云|org|Tencent Cloud|
混元大模型|product|混元,腾讯混元,Hunyuan|
微信|product|WeChat|
百度|org|百度公司,Baidu|
百度智能云|org|百度云,Baidu AI Cloud|
文心一言|product|ERNIE Bot,文心大模型,文心|
字节跳动|org|字节,ByteDance|
火山引擎|org|Volcano Engine|
豆包|product|Doubao|
抖音|product|Douyin,TikTok|
华为|org|华为技术,华为公司,Huawei|
华为云|org|Huawei Cloud|
盘古大模型|product|盘古,Pangu|
京东|org|京东集团,JD.com|
京东云|org|JD Cloud|
美团|org|Meituan|
拼多多|org|PDD,Pinduoduo|
小米|org|小米集团,Xiaomi|
网易|org|NetEase|
快手|org|Kuaishou|
商汤科技|org|商汤,SenseTime|
科大讯飞|org|讯飞,iFlytek|
讯飞星火|product|星火大模型,Spark|
智谱|org|智谱AI,智谱华章,Zhipu AI|
ChatGLM|product|GLM|
百川智能|org|百川,Baichuan|
月之暗面|org|Moonshot AI,Moonshot|
Kimi|product|Kimi智能助手|
零一万物|org|01.AI|
MiniMax|org|稀宇科技|
阶跃星辰|org|StepFun|
深度求索|org|DeepSeek|
昆仑万维|org|Kunlun Tech|
天工|product|天工大模型,Skywork|
金山办公|org|WPS|
中国移动|org|China Mobile|
中国电信|org|China Telecom|
天翼云|org|China Telecom Cloud|
中国联通|org|China Unicom|
浪潮|org|浪潮信息,Inspur|
中芯国际|org|SMIC|
宁德时代|org|CATL|
比亚迪|org|BYD|
OpenAI|org|开放人工智能研究中心|
ChatGPT|product||
GPT-4|product|GPT4|
Sora|product||
微软|org|Microsoft,微软公司|
Azure|product|微软智能云,Microsoft Azure|
Office 365|product|Microsoft 365|
必应|product|Bing|
谷歌|org|Google,Alphabet,谷歌公司|
Gemini|product||
谷歌云|org|Google Cloud|
亚马逊|org|Amazon,亚马逊公司|
亚马逊云科技|org|AWS,Amazon Web Services|
Meta|org|脸书,Facebook|
Llama|product|LLaMA|
苹果|org|苹果公司,Apple|
英伟达|org|NVIDIA,Nvidia|
AMD|org|超威半导体|
英特尔|org|Intel|
甲骨文|org|Oracle|
IBM|org|国际商业机器公司|
Anthropic|org||
Claude|product||
Stability AI|org||
Stable Diffusion|product||
Midjourney|org||
特斯拉|org|Tesla|
三星|org|Samsung|
Salesforce|org||
Snowflake|org||
Canalys|org||市场研究机构
IDC|org|国际数据公司|市场研究机构
Gartner|org|高德纳|市场研究机构
QuestMobile|org||移动互联网数据机构
Synergy Research|org|Synergy|市场研究机构
36氪|org|36Kr|科技媒体
虎嗅|org|虎嗅网|科技媒体
钛媒体|org||科技媒体
晚点LatePost|org|晚点,LatePost|科技媒体
财新|org|财新网,Caixin|财经媒体
界面新闻|org|界面|
新华社|org|Xinhua|
彭博社|org|彭博,Bloomberg|
路透社|org|路透,Reuters|
华尔街日报|org|WSJ|
金融时报|org|Financial Times|
纽约时报|org|New York Times|
福布斯|org|Forbes|
红杉资本|org|红杉中国,Sequoia|
高瓴资本|org|高瓴|
纳斯达克|org|NASDAQ,Nasdaq|
纽约证券交易所|org|纽交所,NYSE|
香港交易所|org|港交所,HKEX|
国务院|org||
工业和信息化部|org|工信部|
国家发展和改革委员会|org|国家发改委,发改委|
中国证监会|org|证监会|
中国人民银行|org|央行|
张勇|person|Daniel Zhang|阿里巴巴前董事会主席兼CEO
马云|person|Jack Ma|阿里巴巴创始人
蔡崇信|person|Joe Tsai|阿里巴巴董事会主席
吴泳铭|person|Eddie Wu|阿里巴巴CEO
王坚|person||阿里云创始人
周靖人|person||阿里云CTO
李彦宏|person|Robin Li|百度创始人
马化腾|person|Pony Ma|腾讯创始人
张一鸣|person||字节跳动创始人
雷军|person||小米创始人
任正非|person||华为创始人
王小川|person||百川智能创始人
杨植麟|person||月之暗面创始人
李开复|person|Kai-Fu Lee|零一万物创始人
周鸿祎|person||360创始人
萨姆·奥尔特曼|person|Sam Altman,奥尔特曼,阿尔特曼|OpenAI CEO
萨提亚·纳德拉|person|Satya Nadella,纳德拉|微软CEO
黄仁勋|person|Jensen Huang|英伟达创始人
埃隆·马斯克|person|Elon Musk,马斯克|
北京|place|Beijing|
上海|place|Shanghai|
杭州|place|Hangzhou|
深圳|place|Shenzhen|
广州|place|Guangzhou|
香港|place|Hong Kong|
台湾|place|Taiwan|
中国|place|China|
美国|place|United States,USA|
日本|place|Japan|
韩国|place|South Korea|
欧洲|place|Europe|
新加坡|place|Singapore|
硅谷|place|Silicon Valley|
`;
