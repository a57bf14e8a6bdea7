/**
 * The built-in lexicon of the field, written by us as data: Chinese and global technology
 * and business organisations, their products, people and places. Names are written in
 * Simplified script; matching happens on the Simplified view of an article, so Traditional
 * spellings (阿里雲, 張勇) and wrong conversions (阿裏雲) meet the same entry. Latin names
 * match case-insensitively. An alias ending in `*` is a short form that counts only in an
 * article that also names the entity in full (阿里 for 阿里巴巴).
 *
 * Format of a line: canonical | type | aliases separated by commas | optional note. The places at the end
 * (provinces with and without their suffix, major cities, countries, regions) are a gazetteer.
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
联合国|org|UN,United Nations|
联合国安理会|org|安理会,联合国安全理事会,UN Security Council|
联合国大会|org|联大|
联合国教科文组织|org|UNESCO|
联合国儿童基金会|org|UNICEF|
联合国难民署|org|UNHCR|
世界卫生组织|org|世卫组织,世卫,WHO|
世界贸易组织|org|世贸组织,WTO|
国际货币基金组织|org|IMF|
世界银行|org|世行,World Bank|
国际清算银行|org|BIS|
国际能源署|org|IEA|
国际原子能机构|org|IAEA|
国际劳工组织|org|ILO|
国际奥委会|org|国际奥林匹克委员会,IOC|
国际足联|org|FIFA|
亚足联|org|亚洲足球联合会,AFC|
欧盟|org|欧洲联盟,EU|
欧盟委员会|org|欧委会,European Commission|
欧洲议会|org|European Parliament|
欧洲央行|org|欧洲中央银行,ECB|
北约|org|北大西洋公约组织,NATO|
东盟|org|东南亚国家联盟,ASEAN|
非盟|org|非洲联盟,African Union|
阿盟|org|阿拉伯国家联盟|
上海合作组织|org|上合组织,SCO|
二十国集团|org|G20|
七国集团|org|G7|
金砖国家|org|BRICS|
石油输出国组织|org|欧佩克,OPEC|
经济合作与发展组织|org|经合组织,OECD|
亚太经合组织|org|亚太经济合作组织,APEC|
亚洲基础设施投资银行|org|亚投行,AIIB|
亚洲开发银行|org|亚开行,ADB|
独联体|org|独立国家联合体|
海湾合作委员会|org|海合会|
世界经济论坛|org|达沃斯论坛,WEF|
红十字国际委员会|org|ICRC|
国际刑警组织|org|Interpol|
中国共产党|org|中共|
中共中央|org|党中央|
中共中央政治局|org|中央政治局|
中央军事委员会|org|中央军委|
中央纪律检查委员会|org|中央纪委,中纪委|
全国人民代表大会|org|全国人大|
全国人大常委会|org|全国人民代表大会常务委员会|
中国人民政治协商会议|org|全国政协|
最高人民法院|org|最高法|
最高人民检察院|org|最高检|
外交部|org|中国外交部|
国防部|org||
商务部|org|中国商务部|
财政部|org||
教育部|org||
科学技术部|org|科技部|
公安部|org||
司法部|org||
民政部|org||
人力资源和社会保障部|org|人社部|
自然资源部|org||
生态环境部|org|环境保护部,环保部|
住房和城乡建设部|org|住建部|
交通运输部|org|交通部|
水利部|org||
农业农村部|org|农业部|
文化和旅游部|org|文旅部,文化部|
国家卫生健康委员会|org|国家卫健委,卫健委|
国务院国有资产监督管理委员会|org|国资委|
国家金融监督管理总局|org|金融监管总局|
中国银行保险监督管理委员会|org|银保监会|
国家外汇管理局|org|外汇局|
国家统计局|org||
海关总署|org||
国家税务总局|org||
国家市场监督管理总局|org|市场监管总局|
国家互联网信息办公室|org|国家网信办,网信办|
国家知识产权局|org||
国家体育总局|org||
中国人民解放军|org|解放军|
人民日报|org||
中央广播电视总台|org||
中央电视台|org|央视,CCTV|
中国日报|org|China Daily|
环球时报|org|Global Times|
光明日报|org||
经济日报|org||
解放军报|org||
中国新闻社|org|中新社|
中新网|org|中国新闻网|
澎湃新闻|org||
美联社|org|AP,Associated Press|
法新社|org|AFP|
共同社|org|Kyodo|
塔斯社|org|TASS|
德新社|org|dpa|
韩联社|org|Yonhap|
英国广播公司|org|BBC|
美国有线电视新闻网|org|CNN|
华盛顿邮报|org|Washington Post|
经济学人|org|The Economist|
白宫|org|White House|
五角大楼|org|Pentagon|
美国国务院|org|US State Department|
美联储|org|美国联邦储备委员会,Federal Reserve,Fed|
美国证券交易委员会|org|美国证交会,SEC|
联邦调查局|org|FBI|
中央情报局|org|CIA|
美国商务部|org||
美国财政部|org||
克里姆林宫|org|Kremlin|
国家杜马|org||
民主党|org||美国政党
共和党|org||美国政党
中国国民党|org|国民党|
民主进步党|org|民进党|
北京大学|org|北大,Peking University|
清华大学|org|清华,Tsinghua University|
复旦大学|org|复旦|
浙江大学|org|浙大|
上海交通大学|org|上海交大|
中国人民大学|org|人民大学|
中国科学院|org|中科院,CAS|
中国社会科学院|org|中国社科院,社科院|
中国工程院|org||
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
北京市|place|北京|
天津市|place|天津|
上海市|place|上海|
重庆市|place|重庆|
河北省|place|河北|
山西省|place|山西|
辽宁省|place|辽宁|
吉林省|place|吉林|
黑龙江省|place|黑龙江|
江苏省|place|江苏|
浙江省|place|浙江|
安徽省|place|安徽|
福建省|place|福建|
江西省|place|江西|
山东省|place|山东|
河南省|place|河南|
湖北省|place|湖北|
湖南省|place|湖南|
广东省|place|广东|
海南省|place|海南|
四川省|place|四川|
贵州省|place|贵州|
云南省|place|云南|
陕西省|place|陕西|
甘肃省|place|甘肃|
青海省|place|青海|
台湾省|place|台湾|
内蒙古自治区|place|内蒙古|
广西壮族自治区|place|广西|
西藏自治区|place|西藏|
宁夏回族自治区|place|宁夏|
新疆维吾尔自治区|place|新疆|
香港特别行政区|place|香港|
澳门特别行政区|place|澳门|
石家庄市|place|石家庄|
唐山市|place|唐山|
保定市|place|保定|
太原市|place|太原|
大同市|place|大同|
沈阳市|place|沈阳|
大连市|place|大连|
鞍山市|place|鞍山|
长春市|place|长春|
哈尔滨市|place|哈尔滨|
南京市|place|南京|
苏州市|place|苏州|
无锡市|place|无锡|
常州市|place|常州|
南通市|place|南通|
扬州市|place|扬州|
徐州市|place|徐州|
杭州市|place|杭州|
宁波市|place|宁波|
温州市|place|温州|
绍兴市|place|绍兴|
嘉兴市|place|嘉兴|
金华市|place|金华|
合肥市|place|合肥|
芜湖市|place|芜湖|
福州市|place|福州|
厦门市|place|厦门|
泉州市|place|泉州|
南昌市|place|南昌|
济南市|place|济南|
青岛市|place|青岛|
烟台市|place|烟台|
潍坊市|place|潍坊|
郑州市|place|郑州|
洛阳市|place|洛阳|
武汉市|place|武汉|
宜昌市|place|宜昌|
长沙市|place|长沙|
广州市|place|广州|
深圳市|place|深圳|
珠海市|place|珠海|
佛山市|place|佛山|
东莞市|place|东莞|
惠州市|place|惠州|
汕头市|place|汕头|
海口市|place|海口|
三亚市|place|三亚|
成都市|place|成都|
绵阳市|place|绵阳|
贵阳市|place|贵阳|
昆明市|place|昆明|
西安市|place|西安|
兰州市|place|兰州|
西宁市|place|西宁|
呼和浩特市|place|呼和浩特|
南宁市|place|南宁|
桂林市|place|桂林|
拉萨市|place|拉萨|
银川市|place|银川|
乌鲁木齐市|place|乌鲁木齐|
如皋市|place|如皋|
昆山市|place|昆山|
义乌市|place|义乌|
雄安|place||
浦东|place||
中关村|place||
深圳湾|place||
前海|place||
横琴|place||
中国|place||
美国|place||
日本|place||
韩国|place||
朝鲜|place||
俄罗斯|place||
英国|place||
法国|place||
德国|place||
意大利|place||
西班牙|place||
葡萄牙|place||
荷兰|place||
比利时|place||
瑞士|place||
瑞典|place||
挪威|place||
丹麦|place||
芬兰|place||
波兰|place||
乌克兰|place||
土耳其|place||
以色列|place||
伊朗|place||
伊拉克|place||
沙特阿拉伯|place||
阿联酋|place||
埃及|place||
南非|place||
尼日利亚|place||
肯尼亚|place||
印度|place||
巴基斯坦|place||
孟加拉国|place||
印度尼西亚|place||
马来西亚|place||
泰国|place||
越南|place||
菲律宾|place||
新加坡|place||
缅甸|place||
柬埔寨|place||
老挝|place||
蒙古|place||
哈萨克斯坦|place||
澳大利亚|place||
新西兰|place||
加拿大|place||
墨西哥|place||
巴西|place||
阿根廷|place||
智利|place||
秘鲁|place||
哥伦比亚|place||
古巴|place||
爱尔兰|place||
希腊|place||
奥地利|place||
捷克|place||
匈牙利|place||
罗马尼亚|place||
卡塔尔|place||
科威特|place||
欧洲|place||
亚洲|place||
非洲|place||
北美|place||
南美|place||
拉美|place||
东南亚|place||
中东|place||
大湾区|place||
粤港澳大湾区|place||
长三角|place||
珠三角|place||
京津冀|place||
华北|place||
华东|place||
华南|place||
华中|place||
西南|place||
西北|place||
东北|place||
中原|place||
台海|place||
南海|place||
东海|place||
黄河|place||
长江|place||
太平洋|place||
大西洋|place||
印度洋|place||
硅谷|place||
华尔街|place||
纽约|place||
伦敦|place||
巴黎|place||
东京|place||
首尔|place||
柏林|place||
莫斯科|place||
华盛顿|place||
旧金山|place||
洛杉矶|place||
西雅图|place||
波士顿|place||
芝加哥|place||
多伦多|place||
悉尼|place||
迪拜|place||
孟买|place||
曼谷|place||
河内|place||
雅加达|place||
吉隆坡|place||
台北|place||
高雄|place||
`;
