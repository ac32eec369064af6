/**
 * Word lists for the sample customer file. Everything here is invented: place names are real
 * cities and counties (so addresses look right to a Chinese reader), but the shops, streets
 * numbers, people, phones and accounts built from them are made up. Brand names of real chains
 * are avoided on purpose.
 */

/** A name part with its pinyin, so e-mail addresses and WeChat ids can be built from names. */
export interface Syllable {
  zh: string;
  py: string;
}

/** Common surnames, most frequent first (the generator favours the front of the list). */
export const SURNAMES: readonly Syllable[] = [
  { zh: '王', py: 'wang' }, { zh: '李', py: 'li' }, { zh: '张', py: 'zhang' }, { zh: '刘', py: 'liu' },
  { zh: '陈', py: 'chen' }, { zh: '杨', py: 'yang' }, { zh: '黄', py: 'huang' }, { zh: '赵', py: 'zhao' },
  { zh: '吴', py: 'wu' }, { zh: '周', py: 'zhou' }, { zh: '徐', py: 'xu' }, { zh: '孙', py: 'sun' },
  { zh: '马', py: 'ma' }, { zh: '朱', py: 'zhu' }, { zh: '胡', py: 'hu' }, { zh: '郭', py: 'guo' },
  { zh: '何', py: 'he' }, { zh: '林', py: 'lin' }, { zh: '罗', py: 'luo' }, { zh: '高', py: 'gao' },
  { zh: '郑', py: 'zheng' }, { zh: '梁', py: 'liang' }, { zh: '谢', py: 'xie' }, { zh: '宋', py: 'song' },
  { zh: '唐', py: 'tang' }, { zh: '韩', py: 'han' }, { zh: '冯', py: 'feng' }, { zh: '邓', py: 'deng' },
  { zh: '曹', py: 'cao' }, { zh: '彭', py: 'peng' }, { zh: '曾', py: 'zeng' }, { zh: '肖', py: 'xiao' },
];

/** Given names, one or two characters, as people of 30 to 65 commonly have them. */
export const GIVEN_NAMES: readonly Syllable[] = [
  { zh: '伟', py: 'wei' }, { zh: '芳', py: 'fang' }, { zh: '娜', py: 'na' }, { zh: '敏', py: 'min' },
  { zh: '静', py: 'jing' }, { zh: '丽', py: 'li' }, { zh: '强', py: 'qiang' }, { zh: '磊', py: 'lei' },
  { zh: '军', py: 'jun' }, { zh: '洋', py: 'yang' }, { zh: '勇', py: 'yong' }, { zh: '艳', py: 'yan' },
  { zh: '杰', py: 'jie' }, { zh: '娟', py: 'juan' }, { zh: '涛', py: 'tao' }, { zh: '明', py: 'ming' },
  { zh: '超', py: 'chao' }, { zh: '霞', py: 'xia' }, { zh: '平', py: 'ping' }, { zh: '刚', py: 'gang' },
  { zh: '秀英', py: 'xiuying' }, { zh: '桂英', py: 'guiying' }, { zh: '建华', py: 'jianhua' },
  { zh: '志强', py: 'zhiqiang' }, { zh: '海燕', py: 'haiyan' }, { zh: '国庆', py: 'guoqing' },
  { zh: '建国', py: 'jianguo' }, { zh: '晓东', py: 'xiaodong' }, { zh: '丽华', py: 'lihua' },
  { zh: '春梅', py: 'chunmei' }, { zh: '志明', py: 'zhiming' }, { zh: '文斌', py: 'wenbin' },
  { zh: '红梅', py: 'hongmei' }, { zh: '永刚', py: 'yonggang' }, { zh: '小芳', py: 'xiaofang' },
];

export type Region = '华东' | '华南' | '华北' | '西南';
export const REGIONS: readonly Region[] = ['华东', '华南', '华北', '西南'];

/** A city with urban districts. `province` is blank for the four municipalities. */
export interface City {
  province: string;
  city: string;
  short: string;
  districts: readonly string[];
  /** Landline area code, for the few shops that give a fixed line. */
  areaCode: string;
}

/** A rural county with its towns (乡镇), where the 农村 customers are. */
export interface County {
  province: string;
  city: string;
  county: string;
  towns: readonly string[];
  areaCode: string;
}

export interface RegionPlaces {
  cities: readonly City[];
  counties: readonly County[];
}

export const PLACES: Readonly<Record<Region, RegionPlaces>> = {
  华东: {
    cities: [
      { province: '', city: '上海市', short: '上海', districts: ['浦东新区', '闵行区', '嘉定区', '普陀区'], areaCode: '021' },
      { province: '浙江省', city: '杭州市', short: '杭州', districts: ['西湖区', '拱墅区', '萧山区'], areaCode: '0571' },
      { province: '江苏省', city: '南京市', short: '南京', districts: ['鼓楼区', '江宁区', '秦淮区'], areaCode: '025' },
      { province: '江苏省', city: '苏州市', short: '苏州', districts: ['姑苏区', '吴中区'], areaCode: '0512' },
      { province: '浙江省', city: '宁波市', short: '宁波', districts: ['鄞州区', '海曙区'], areaCode: '0574' },
    ],
    counties: [
      { province: '浙江省', city: '杭州市', county: '淳安县', towns: ['千岛湖镇', '汾口镇', '威坪镇'], areaCode: '0571' },
      { province: '江苏省', city: '盐城市', county: '射阳县', towns: ['合德镇', '临海镇', '海河镇'], areaCode: '0515' },
      { province: '安徽省', city: '六安市', county: '霍山县', towns: ['衡山镇', '佛子岭镇'], areaCode: '0564' },
    ],
  },
  华南: {
    cities: [
      { province: '广东省', city: '广州市', short: '广州', districts: ['天河区', '越秀区', '白云区', '海珠区'], areaCode: '020' },
      { province: '广东省', city: '深圳市', short: '深圳', districts: ['南山区', '福田区', '宝安区'], areaCode: '0755' },
      { province: '广东省', city: '佛山市', short: '佛山', districts: ['禅城区', '南海区', '顺德区'], areaCode: '0757' },
      { province: '广西壮族自治区', city: '南宁市', short: '南宁', districts: ['青秀区', '兴宁区'], areaCode: '0771' },
    ],
    counties: [
      { province: '广东省', city: '梅州市', county: '五华县', towns: ['水寨镇', '华城镇', '岐岭镇'], areaCode: '0753' },
      { province: '广西壮族自治区', city: '桂林市', county: '阳朔县', towns: ['阳朔镇', '白沙镇', '兴坪镇'], areaCode: '0773' },
      { province: '广东省', city: '湛江市', county: '徐闻县', towns: ['下洋镇', '曲界镇'], areaCode: '0759' },
    ],
  },
  华北: {
    cities: [
      { province: '', city: '北京市', short: '北京', districts: ['朝阳区', '海淀区', '丰台区', '通州区'], areaCode: '010' },
      { province: '', city: '天津市', short: '天津', districts: ['河西区', '南开区', '河东区'], areaCode: '022' },
      { province: '河北省', city: '石家庄市', short: '石家庄', districts: ['长安区', '桥西区', '裕华区'], areaCode: '0311' },
      { province: '山西省', city: '太原市', short: '太原', districts: ['小店区', '迎泽区'], areaCode: '0351' },
    ],
    counties: [
      { province: '河北省', city: '保定市', county: '涞源县', towns: ['涞源镇', '银坊镇', '白石山镇'], areaCode: '0312' },
      { province: '山西省', city: '晋中市', county: '平遥县', towns: ['古陶镇', '洪善镇', '段村镇'], areaCode: '0354' },
      { province: '', city: '天津市', county: '蓟州区', towns: ['渔阳镇', '邦均镇', '下营镇'], areaCode: '022' },
    ],
  },
  西南: {
    cities: [
      { province: '四川省', city: '成都市', short: '成都', districts: ['锦江区', '武侯区', '金牛区', '成华区'], areaCode: '028' },
      { province: '', city: '重庆市', short: '重庆', districts: ['渝中区', '江北区', '南岸区'], areaCode: '023' },
      { province: '云南省', city: '昆明市', short: '昆明', districts: ['五华区', '盘龙区', '官渡区'], areaCode: '0871' },
      { province: '贵州省', city: '贵阳市', short: '贵阳', districts: ['云岩区', '南明区'], areaCode: '0851' },
    ],
    counties: [
      { province: '四川省', city: '眉山市', county: '洪雅县', towns: ['洪川镇', '止戈镇', '柳江镇'], areaCode: '028' },
      { province: '', city: '重庆市', county: '酉阳县', towns: ['龙潭镇', '麻旺镇', '酉酬镇'], areaCode: '023' },
      { province: '贵州省', city: '遵义市', county: '湄潭县', towns: ['永兴镇', '复兴镇', '兴隆镇'], areaCode: '0851' },
    ],
  },
};

/** Street names common to every Chinese city (hence safe to invent numbers on). */
export const STREETS: readonly string[] = [
  '人民路', '解放路', '中山路', '建设路', '新华路', '和平路', '胜利路', '文化路', '长江路', '建国路',
  '朝阳路', '光明街', '工农路', '青年路', '东风路', '民主街',
];

export const VILLAGES: readonly string[] = [
  '新民村', '红星村', '和平村', '石桥村', '李家村', '大坪村', '河口村', '长岭村', '前进村', '柳树村',
];

/** Auspicious trade words that shop names are built from (字号). */
export const TRADE_WORDS: readonly string[] = [
  '鑫隆', '福顺', '永兴', '金穗', '宏发', '盛达', '惠民', '佳美', '顺昌', '同福', '兴旺', '恒丰',
  '源丰', '聚福', '德胜', '广源', '天和', '润丰', '家和', '祥瑞', '万顺', '荣发', '利民', '春晖',
];

export type CustomerType = '批发' | '零售' | '餐饮' | '商超';
export const CUSTOMER_TYPES: readonly CustomerType[] = ['批发', '零售', '餐饮', '商超'];

/** The end of a shop's name tells its trade: a 商行 wholesales, a 酒楼 cooks. */
export const NAME_SUFFIXES: Readonly<Record<CustomerType, readonly string[]>> = {
  批发: ['商贸有限公司', '贸易商行', '食品批发部', '副食品经营部', '粮油批发部'],
  零售: ['食品店', '便利店', '副食店', '粮油店', '小卖部'],
  餐饮: ['酒楼', '饭店', '餐馆', '火锅店', '面馆', '农家乐'],
  商超: ['超市', '生活超市', '购物广场', '超市有限公司'],
};

export interface Product {
  name: string;
  /** Typical gross margin rate; staples earn little, seasonings and snacks more. */
  margin: number;
}

export const PRODUCTS: readonly Product[] = [
  { name: '食用油', margin: 0.08 }, { name: '大米', margin: 0.06 }, { name: '面粉', margin: 0.07 },
  { name: '酱油', margin: 0.18 }, { name: '醋', margin: 0.2 }, { name: '调味料', margin: 0.25 },
  { name: '方便面', margin: 0.12 }, { name: '饮料', margin: 0.15 }, { name: '啤酒', margin: 0.14 },
  { name: '白酒', margin: 0.22 }, { name: '休闲零食', margin: 0.28 }, { name: '冷冻食品', margin: 0.16 },
];

/** Which products each trade buys most (by name, most important first). */
export const PRODUCT_PREFERENCES: Readonly<Record<CustomerType, readonly string[]>> = {
  批发: ['食用油', '大米', '面粉', '方便面', '饮料', '酱油', '啤酒', '白酒'],
  零售: ['休闲零食', '饮料', '方便面', '食用油', '酱油', '啤酒', '醋'],
  餐饮: ['食用油', '大米', '调味料', '酱油', '冷冻食品', '啤酒', '白酒', '醋', '面粉'],
  商超: ['饮料', '休闲零食', '食用油', '大米', '方便面', '调味料', '白酒', '冷冻食品', '啤酒', '酱油'],
};

/** Payment terms by trade: big accounts get monthly settlement, small shops pay on delivery. */
export const PAYMENT_TERMS: Readonly<Record<CustomerType, readonly string[]>> = {
  批发: ['月结30天', '月结30天', '月结60天', '票到15天'],
  零售: ['现款现货', '货到付款', '货到付款', '月结30天'],
  餐饮: ['月结30天', '货到付款', '月结30天', '周结'],
  商超: ['月结60天', '月结60天', '月结90天', '月结30天'],
};

/** Free-text notes a sales team writes in the 备注 column. */
export const NOTES: readonly string[] = [
  '老板喜欢喝茶，拜访可带茶叶', '春节前备货量大', '需开增值税专用发票', '只收上午送货', '仓库在后门，送货先打电话',
  '老板娘管账', '对价格敏感', '有意做区域代理', '店面正在扩建', '连锁三家店，统一结算', '节假日不收货',
];

export const VISIT_NOTES: readonly string[] = [
  '送样品，介绍新品', '对账，收回货款', '了解库存，提出补货建议', '陪同经理拜访老板', '节日慰问', '检查陈列，补贴海报',
  '洽谈年度返利', '收集竞品价格', '商谈新品进场费',
];

export const CALL_NOTES: readonly string[] = [
  '确认下周订货', '催收货款', '通知价格调整', '回访送货情况', '确认促销活动档期', '核对发票信息',
];

export const COMPLAINT_NOTES: readonly string[] = [
  '送货延迟两天', '部分商品破损', '发票抬头有误', '价格与报价单不符', '收到临期产品', '少送一箱货', '送货员态度差',
];
