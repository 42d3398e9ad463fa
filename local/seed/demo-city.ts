// 海桥市 (Haiqiao): a fictional city seeded by `npm start` and used by the tests.
// Every record goes through its schema's `.parse`, so defaults are filled and a typo fails at import;
// the raw lists are typed with the schema's input type, so a misspelt field also fails `tsc`.
import { z } from 'zod';
import type { LocalizedName } from '../../schemas/common.js';
import { Unit } from '../../schemas/unit.js';
import { Category } from '../../schemas/catalogue.js';
import { PanelMember } from '../../schemas/panel.js';
import { User } from '../../schemas/actor.js';

const name: LocalizedName = { zh: '海桥市', en: 'Haiqiao' };

/** Parses every record with `schema.parse`, naming the record that fails. */
function parseEach<S extends z.ZodType>(schema: S, inputs: readonly z.input<S>[], what: string, key: (input: z.input<S>) => string): z.output<S>[] {
  return inputs.map((input, i) => {
    try {
      return schema.parse(input);
    } catch (error) {
      const detail = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
      throw new Error(`demo city: ${what} #${i} (${key(input)}) is invalid:\n${detail}`, { cause: error });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Units: the supervision office, 4 districts, their streets and towns, city-wide departments.

const unitInputs: z.input<typeof Unit>[] = [
  { id: 'supervision', type: 'supervision', name: { zh: '市12345热线办', en: 'City 12345 Hotline Office' } },

  { id: 'd-haibin', type: 'district', districtId: 'd-haibin', name: { zh: '海滨区', en: 'Haibin District' } },
  { id: 'd-qiaodong', type: 'district', districtId: 'd-qiaodong', name: { zh: '桥东区', en: 'Qiaodong District' } },
  { id: 'd-qingshan', type: 'district', districtId: 'd-qingshan', name: { zh: '青山区', en: 'Qingshan District' } },
  { id: 'd-nanhu', type: 'district', districtId: 'd-nanhu', name: { zh: '南湖区', en: 'Nanhu District' } },

  { id: 's-haibin-dongmen', type: 'street', districtId: 'd-haibin', name: { zh: '东门街道', en: 'Dongmen Subdistrict' } },
  { id: 's-haibin-xiwan', type: 'street', districtId: 'd-haibin', name: { zh: '西湾街道', en: 'Xiwan Subdistrict' } },
  { id: 's-haibin-yugang', type: 'street', districtId: 'd-haibin', name: { zh: '渔港街道', en: 'Yugang Subdistrict' } },
  { id: 's-haibin-wanghai', type: 'street', districtId: 'd-haibin', name: { zh: '望海街道', en: 'Wanghai Subdistrict' } },
  { id: 's-haibin-jinsha', type: 'street', districtId: 'd-haibin', name: { zh: '金沙镇', en: 'Jinsha Town' } },

  { id: 's-qiaodong-jiefang', type: 'street', districtId: 'd-qiaodong', name: { zh: '解放路街道', en: 'Jiefang Road Subdistrict' } },
  { id: 's-qiaodong-qiaotou', type: 'street', districtId: 'd-qiaodong', name: { zh: '桥头街道', en: 'Qiaotou Subdistrict' } },
  { id: 's-qiaodong-fangzhi', type: 'street', districtId: 'd-qiaodong', name: { zh: '纺织路街道', en: 'Fangzhi Road Subdistrict' } },
  { id: 's-qiaodong-chaoyang', type: 'street', districtId: 'd-qiaodong', name: { zh: '朝阳街道', en: 'Chaoyang Subdistrict' } },

  { id: 's-qingshan-shanqian', type: 'street', districtId: 'd-qingshan', name: { zh: '山前街道', en: 'Shanqian Subdistrict' } },
  { id: 's-qingshan-songlin', type: 'street', districtId: 'd-qingshan', name: { zh: '松林街道', en: 'Songlin Subdistrict' } },
  { id: 's-qingshan-shimen', type: 'street', districtId: 'd-qingshan', name: { zh: '石门街道', en: 'Shimen Subdistrict' } },
  { id: 's-qingshan-longquan', type: 'street', districtId: 'd-qingshan', name: { zh: '龙泉镇', en: 'Longquan Town' } },

  { id: 's-nanhu-hubin', type: 'street', districtId: 'd-nanhu', name: { zh: '湖滨街道', en: 'Hubin Subdistrict' } },
  { id: 's-nanhu-cuiliu', type: 'street', districtId: 'd-nanhu', name: { zh: '翠柳街道', en: 'Cuiliu Subdistrict' } },
  { id: 's-nanhu-xingang', type: 'street', districtId: 'd-nanhu', name: { zh: '新港街道', en: 'Xingang Subdistrict' } },
  { id: 's-nanhu-bailuzhou', type: 'street', districtId: 'd-nanhu', name: { zh: '白鹭洲街道', en: 'Bailuzhou Subdistrict' } },

  { id: 'dept-housing', type: 'department', name: { zh: '市住房和城乡建设局', en: 'Municipal Bureau of Housing and Urban-Rural Development' } },
  { id: 'dept-urban-management', type: 'department', name: { zh: '市城市管理综合执法局', en: 'Municipal Urban Management and Law Enforcement Bureau' } },
  { id: 'dept-ecology-environment', type: 'department', name: { zh: '市生态环境局', en: 'Municipal Bureau of Ecology and Environment' } },
  { id: 'dept-market-regulation', type: 'department', name: { zh: '市市场监督管理局', en: 'Municipal Administration for Market Regulation' } },
  { id: 'dept-transport', type: 'department', name: { zh: '市交通运输局', en: 'Municipal Transport Bureau' } },
  { id: 'dept-water', type: 'department', name: { zh: '市水务局', en: 'Municipal Water Affairs Bureau' } },
  { id: 'dept-human-resources', type: 'department', name: { zh: '市人力资源和社会保障局', en: 'Municipal Bureau of Human Resources and Social Security' } },
  { id: 'dept-education', type: 'department', name: { zh: '市教育局', en: 'Municipal Education Bureau' } },
  { id: 'dept-health', type: 'department', name: { zh: '市卫生健康委员会', en: 'Municipal Health Commission' } },
  { id: 'dept-medical-security', type: 'department', name: { zh: '市医疗保障局', en: 'Municipal Healthcare Security Bureau' } },
  { id: 'dept-natural-resources', type: 'department', name: { zh: '市自然资源和规划局', en: 'Municipal Bureau of Natural Resources and Planning' } },
  { id: 'dept-civil-affairs', type: 'department', name: { zh: '市民政局', en: 'Municipal Civil Affairs Bureau' } },
  // Non-emergency traffic matters only (signals, parking on main roads); accidents go to 122.
  { id: 'dept-traffic-police', type: 'department', name: { zh: '市公安局交通警察支队', en: 'Traffic Police Detachment of the Municipal Public Security Bureau' } },
  // Utility companies, reached through their hotline liaison desks.
  { id: 'dept-power-supply', type: 'department', name: { zh: '国网海桥供电公司', en: 'State Grid Haiqiao Power Supply Company' } },
  { id: 'dept-gas', type: 'department', name: { zh: '海桥燃气集团', en: 'Haiqiao Gas Group' } },
  { id: 'dept-heating', type: 'department', name: { zh: '海桥热力集团', en: 'Haiqiao Heating Group' } },
];

// Simple boundaries, so that a request given only by lat/long (Open311) finds its street: the districts side by side,
// each 0.1° of longitude wide from 121.0° E, and a district's streets stacked in equal bands from 30.0° to 30.2° N.
const CITY_WEST = 121.0;
const CITY_SOUTH = 30.0;
const DISTRICT_WIDTH = 0.1;
const CITY_HEIGHT = 0.2;

function withBoundaries(units: z.input<typeof Unit>[]): z.input<typeof Unit>[] {
  const districts = units.filter((u) => u.type === 'district').map((u) => u.id);
  return units.map((unit) => {
    if (unit.type !== 'street' || !unit.districtId) return unit;
    const streets = units.filter((u) => u.type === 'street' && u.districtId === unit.districtId);
    const band = CITY_HEIGHT / streets.length;
    const west = CITY_WEST + DISTRICT_WIDTH * districts.indexOf(unit.districtId);
    const east = west + DISTRICT_WIDTH;
    const south = CITY_SOUTH + band * streets.indexOf(unit);
    const north = south + band;
    const ring: [number, number][] = [[west, south], [east, south], [east, north], [west, north], [west, south]];
    return { ...unit, boundary: { type: 'Polygon', coordinates: [ring.map(([lng, lat]) => [round(lng), round(lat)] as [number, number])] } };
  });
}

// Six decimals (about 10 cm): the bands' edges meet exactly, with no floating-point sliver between two streets.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

// ---------------------------------------------------------------------------------------------
// Categories. Local matters go straight to the street; sector matters to a department.
// The schema requires a handlerType on every category, so out-of-scope and emergency categories
// carry `street`: they are never dispatched, the operator answers or transfers them.

const categoryInputs: z.input<typeof Category>[] = [
  // Street: neighbourhood life.
  { code: 'NBR-001', kind: 'complaint', handlerType: 'street', name: { zh: '邻里噪音扰民', en: 'Noise from neighbours' } },
  { code: 'NBR-002', kind: 'help', handlerType: 'street', name: { zh: '邻里纠纷调解', en: 'Dispute between neighbours' } },
  { code: 'NBR-003', kind: 'complaint', handlerType: 'street', name: { zh: '流浪犬只扰民', en: 'Stray dogs' } },
  { code: 'NBR-004', kind: 'complaint', handlerType: 'street', name: { zh: '楼道堆放杂物', en: 'Belongings piled in a stairwell' } },
  { code: 'PRK-001', kind: 'complaint', handlerType: 'street', name: { zh: '小区及背街小巷乱停车', en: 'Illegal parking in a residential alley' } },
  { code: 'SAN-001', kind: 'complaint', handlerType: 'street', name: { zh: '乱扔垃圾', en: 'Littering' } },
  { code: 'SAN-002', kind: 'complaint', handlerType: 'street', name: { zh: '生活垃圾清运不及时', en: 'Household rubbish not collected' } },
  { code: 'SAN-003', kind: 'complaint', handlerType: 'street', name: { zh: '占道经营', en: 'Street stalls blocking the pavement' } },
  { code: 'LGT-001', kind: 'help', handlerType: 'street', name: { zh: '背街小巷路灯不亮', en: 'Street light out on a lane' } },
  { code: 'PROP-001', kind: 'complaint', handlerType: 'street', name: { zh: '物业服务投诉', en: 'Poor service by a property management company' } },
  { code: 'PROP-002', kind: 'help', handlerType: 'street', name: { zh: '小区公共设施损坏', en: 'Damaged shared facilities in a residential compound' } },
  { code: 'RENO-001', kind: 'suggestion', handlerType: 'street', name: { zh: '老旧小区改造', en: 'Renovation of an old residential compound' } },
  { code: 'RENO-002', kind: 'consultation', handlerType: 'street', name: { zh: '既有住宅加装电梯', en: 'Adding a lift to an existing residential building' } },
  { code: 'CMTY-001', kind: 'consultation', handlerType: 'street', name: { zh: '社区事务咨询', en: 'Community affairs enquiry' } },
  { code: 'CMTY-002', kind: 'report', handlerType: 'street', name: { zh: '违法搭建', en: 'Illegal structure in a residential area' } },
  { code: 'ROAD-001', kind: 'report', urgency: 'danger', handlerType: 'street', name: { zh: '窨井盖缺失或塌陷', en: 'Missing or collapsed manhole cover' } },

  // Departments: sector matters.
  { code: 'LAB-001', kind: 'complaint', handlerType: 'department', departmentId: 'dept-human-resources', name: { zh: '拖欠工资', en: 'Unpaid wages' } },
  { code: 'LAB-002', kind: 'consultation', handlerType: 'department', departmentId: 'dept-human-resources', name: { zh: '社会保险缴费', en: 'Social insurance contributions' } },
  { code: 'LAB-003', kind: 'consultation', handlerType: 'department', departmentId: 'dept-human-resources', name: { zh: '劳动合同咨询', en: 'Employment contract enquiry' } },
  { code: 'FOOD-001', kind: 'report', handlerType: 'department', departmentId: 'dept-market-regulation', name: { zh: '食品安全', en: 'Food safety concern' } },
  { code: 'MKT-001', kind: 'complaint', handlerType: 'department', departmentId: 'dept-market-regulation', name: { zh: '消费纠纷', en: 'Consumer dispute with a shop' } },
  { code: 'MKT-002', kind: 'report', handlerType: 'department', departmentId: 'dept-market-regulation', name: { zh: '价格违法', en: 'Unlawful pricing' } },
  { code: 'BUS-001', kind: 'suggestion', handlerType: 'department', departmentId: 'dept-transport', name: { zh: '公交线路调整建议', en: 'Bus route suggestion' } },
  { code: 'BUS-002', kind: 'complaint', handlerType: 'department', departmentId: 'dept-transport', name: { zh: '公交服务投诉', en: 'Bus service complaint' } },
  { code: 'TAXI-001', kind: 'complaint', handlerType: 'department', departmentId: 'dept-transport', name: { zh: '出租车及网约车服务', en: 'Taxi and ride-hailing service' } },
  { code: 'WAT-001', kind: 'help', urgency: 'utility', handlerType: 'department', departmentId: 'dept-water', name: { zh: '停水', en: 'Water supply outage' } },
  { code: 'WAT-002', kind: 'complaint', handlerType: 'department', departmentId: 'dept-water', name: { zh: '自来水水质浑浊', en: 'Discoloured tap water' } },
  { code: 'WAT-003', kind: 'help', handlerType: 'department', departmentId: 'dept-water', name: { zh: '道路积水及排水不畅', en: 'Flooded road or blocked drain' } },
  { code: 'PWR-001', kind: 'help', urgency: 'utility', handlerType: 'department', departmentId: 'dept-power-supply', name: { zh: '停电', en: 'Power outage' } },
  { code: 'GAS-001', kind: 'help', urgency: 'utility', handlerType: 'department', departmentId: 'dept-gas', name: { zh: '燃气停供', en: 'Gas supply interruption' } },
  { code: 'GAS-002', kind: 'report', urgency: 'danger', handlerType: 'department', departmentId: 'dept-gas', name: { zh: '闻到燃气异味', en: 'Smell of gas' } },
  { code: 'HEAT-001', kind: 'complaint', urgency: 'utility', handlerType: 'department', departmentId: 'dept-heating', name: { zh: '暖气不热', en: 'Heating not working' } },
  { code: 'EDU-001', kind: 'consultation', handlerType: 'department', departmentId: 'dept-education', name: { zh: '义务教育入学', en: 'School enrolment' } },
  { code: 'EDU-002', kind: 'complaint', handlerType: 'department', departmentId: 'dept-education', name: { zh: '校外培训机构', en: 'Private tutoring centre' } },
  { code: 'MED-001', kind: 'consultation', handlerType: 'department', departmentId: 'dept-medical-security', name: { zh: '医保报销', en: 'Medical insurance reimbursement' } },
  { code: 'HLT-001', kind: 'complaint', handlerType: 'department', departmentId: 'dept-health', name: { zh: '医疗服务投诉', en: 'Hospital service complaint' } },
  { code: 'ENV-001', kind: 'report', handlerType: 'department', departmentId: 'dept-ecology-environment', name: { zh: '河道污染', en: 'Polluted river' } },
  { code: 'ENV-002', kind: 'complaint', handlerType: 'department', departmentId: 'dept-ecology-environment', name: { zh: '工业废气异味', en: 'Industrial fumes or odour' } },
  { code: 'URB-001', kind: 'complaint', handlerType: 'department', departmentId: 'dept-urban-management', name: { zh: '夜间施工噪音', en: 'Construction noise at night' } },
  { code: 'URB-002', kind: 'help', handlerType: 'department', departmentId: 'dept-urban-management', name: { zh: '市政道路破损', en: 'Damaged road surface' } },
  { code: 'URB-003', kind: 'report', handlerType: 'department', departmentId: 'dept-urban-management', name: { zh: '户外广告牌安全隐患', en: 'Unsafe billboard' } },
  { code: 'URB-004', kind: 'help', handlerType: 'department', departmentId: 'dept-urban-management', name: { zh: '主次干道路灯故障', en: 'Street light out on a main road' } },
  { code: 'TRF-001', kind: 'report', handlerType: 'department', departmentId: 'dept-traffic-police', name: { zh: '交通信号灯故障', en: 'Faulty traffic light' } },
  { code: 'TRF-002', kind: 'report', handlerType: 'department', departmentId: 'dept-traffic-police', name: { zh: '主干道违章停车', en: 'Illegal parking on a main road' } },
  { code: 'NAT-001', kind: 'consultation', handlerType: 'department', departmentId: 'dept-natural-resources', name: { zh: '不动产登记', en: 'Property registration' } },
  { code: 'CIV-001', kind: 'help', handlerType: 'department', departmentId: 'dept-civil-affairs', name: { zh: '最低生活保障', en: 'Subsistence allowance' } },
  { code: 'CIV-002', kind: 'consultation', handlerType: 'department', departmentId: 'dept-civil-affairs', name: { zh: '养老服务', en: 'Elderly care services' } },
  { code: 'HOU-001', kind: 'complaint', handlerType: 'department', departmentId: 'dept-housing', name: { zh: '新建商品房质量问题', en: 'Defects in a newly delivered home' } },
  { code: 'HOU-002', kind: 'report', urgency: 'danger', handlerType: 'department', departmentId: 'dept-housing', name: { zh: '房屋安全隐患', en: 'Unsafe building' } },
  { code: 'HOU-003', kind: 'consultation', handlerType: 'department', departmentId: 'dept-housing', name: { zh: '公租房申请', en: 'Public rental housing application' } },

  // Out of scope (超出职责范围): the operator reads out the answer and closes the ticket.
  { code: 'OOS-001', kind: 'consultation', handlerType: 'street', outOfScope: true, name: { zh: '法院裁判及执行', en: 'Court judgments and their enforcement' }, answer: '法院的裁判和执行事项请联系作出裁判的人民法院，或拨打12368诉讼服务热线。' },
  { code: 'OOS-002', kind: 'consultation', handlerType: 'street', outOfScope: true, name: { zh: '外地事项', en: 'Matters of another city' }, answer: '您反映的事项不属本市管辖，请拨打事发地的12345热线。' },
  { code: 'OOS-003', kind: 'consultation', handlerType: 'street', outOfScope: true, name: { zh: '企业之间商业纠纷', en: 'Commercial dispute between companies' }, answer: '企业之间的合同和商业纠纷请双方协商解决，或依法申请仲裁、向人民法院起诉。' },
  { code: 'OOS-004', kind: 'consultation', handlerType: 'street', outOfScope: true, name: { zh: '婚恋及家庭情感问题', en: 'Personal relationship matters' }, answer: '婚恋和家庭情感问题不属热线受理范围；需要调解可联系所在社区人民调解委员会，遭遇家庭暴力请拨打110。' },
  { code: 'OOS-005', kind: 'consultation', handlerType: 'street', outOfScope: true, name: { zh: '个人之间借贷纠纷', en: 'Private loan between individuals' }, answer: '个人之间的借贷纠纷属民事纠纷，请协商解决或向人民法院起诉；涉嫌诈骗请向公安机关报案。' },

  // Emergencies: transferred to the emergency line and closed.
  { code: 'EMG-001', kind: 'report', urgency: 'danger', handlerType: 'street', emergency: true, transferTo: '110', name: { zh: '正在发生的违法犯罪', en: 'Crime in progress' } },
  { code: 'EMG-002', kind: 'help', urgency: 'danger', handlerType: 'street', emergency: true, transferTo: '119', name: { zh: '火灾', en: 'Fire' } },
  { code: 'EMG-003', kind: 'help', urgency: 'danger', handlerType: 'street', emergency: true, transferTo: '120', name: { zh: '突发疾病或受伤', en: 'Medical emergency' } },
  { code: 'EMG-004', kind: 'report', urgency: 'danger', handlerType: 'street', emergency: true, transferTo: '122', name: { zh: '交通事故', en: 'Traffic accident' } },
  { code: 'EMG-005', kind: 'help', urgency: 'danger', handlerType: 'street', emergency: true, transferTo: '119', name: { zh: '人员被困', en: 'Person trapped' } },
];

// ---------------------------------------------------------------------------------------------
// Joint-review pool: 3 of each role; 4 members are tied to a unit and recuse themselves from its cases.

const panelMemberInputs: z.input<typeof PanelMember>[] = [
  { id: 'member-1', role: 'npc-deputy', name: '周建国', tiedUnitIds: ['d-qiaodong'] }, // former head of Qiaodong District
  { id: 'member-2', role: 'npc-deputy', name: '林秀英' },
  { id: 'member-3', role: 'npc-deputy', name: '陈志刚' },
  { id: 'member-4', role: 'cppcc-member', name: '黄丽华' },
  { id: 'member-5', role: 'cppcc-member', name: '郑宏伟', tiedUnitIds: ['dept-education'] }, // headmaster of a city school
  { id: 'member-6', role: 'cppcc-member', name: '吴静' },
  { id: 'member-7', role: 'lawyer', name: '孙明远', tiedUnitIds: ['dept-water'] }, // legal adviser to the water bureau
  { id: 'member-8', role: 'lawyer', name: '刘婷' },
  { id: 'member-9', role: 'lawyer', name: '马俊' },
  { id: 'member-10', role: 'citizen-rep', name: '赵桂兰', tiedUnitIds: ['s-haibin-dongmen'] }, // lives in Dongmen, sits on its residents' committee
  { id: 'member-11', role: 'citizen-rep', name: '何晓东' },
  { id: 'member-12', role: 'citizen-rep', name: '杨春梅' },
];

// ---------------------------------------------------------------------------------------------
// Demo users: one or more for every role. Emails are `<id>@haiqiao.example`.

const userInputs: Omit<z.input<typeof User>, 'email'>[] = [
  { id: 'operator-1', role: 'operator', name: '王敏' },
  { id: 'operator-2', role: 'operator', name: '李娜' },

  { id: 'clerk-haibin-dongmen', role: 'clerk', unitId: 's-haibin-dongmen', name: '张磊' },
  { id: 'clerk-qiaodong-jiefang', role: 'clerk', unitId: 's-qiaodong-jiefang', name: '刘洋' },
  { id: 'clerk-qingshan-songlin', role: 'clerk', unitId: 's-qingshan-songlin', name: '陈静' },
  { id: 'clerk-nanhu-cuiliu', role: 'clerk', unitId: 's-nanhu-cuiliu', name: '杨帆' },
  { id: 'clerk-urban-management', role: 'clerk', unitId: 'dept-urban-management', name: '赵强' },
  { id: 'clerk-water', role: 'clerk', unitId: 'dept-water', name: '黄振华' },
  { id: 'clerk-human-resources', role: 'clerk', unitId: 'dept-human-resources', name: '周丽' },
  { id: 'clerk-market-regulation', role: 'clerk', unitId: 'dept-market-regulation', name: '吴霞' },
  { id: 'clerk-ecology-environment', role: 'clerk', unitId: 'dept-ecology-environment', name: '徐刚' },
  { id: 'clerk-gas', role: 'clerk', unitId: 'dept-gas', name: '孙悦' },
  { id: 'clerk-housing', role: 'clerk', unitId: 'dept-housing', name: '林海' },

  { id: 'coordinator-haibin', role: 'coordinator', unitId: 'd-haibin', name: '郭涛' },
  { id: 'coordinator-qiaodong', role: 'coordinator', unitId: 'd-qiaodong', name: '何丽' },
  { id: 'coordinator-qingshan', role: 'coordinator', unitId: 'd-qingshan', name: '高峰' },
  { id: 'coordinator-nanhu', role: 'coordinator', unitId: 'd-nanhu', name: '罗琳' },

  { id: 'supervisor-1', role: 'supervisor', unitId: 'supervision', name: '梁志远' },
  { id: 'supervisor-2', role: 'supervisor', unitId: 'supervision', name: '宋雅琴' },

  // One panelist user per panel member: panelist-<n> is member-<n>.
  ...panelMemberInputs.map((m, i) => ({ id: `panelist-${i + 1}`, role: 'panelist' as const, memberId: m.id, name: m.name })),

  { id: 'admin', role: 'admin', name: '韩冰' },
];

export const demoCity = {
  name,
  units: parseEach(Unit, withBoundaries(unitInputs), 'unit', (u) => u.id),
  categories: parseEach(Category, categoryInputs, 'category', (c) => c.code),
  panelMembers: parseEach(PanelMember, panelMemberInputs, 'panel member', (m) => m.id),
  users: parseEach(User, userInputs.map((u) => ({ ...u, email: `${u.id}@haiqiao.example` })), 'user', (u) => u.id),
};

const usersById = new Map<string, User>(demoCity.users.map((u) => [u.id, u]));

/** The demo user with this id; throws when there is none. */
export function demoUser(id: string): User {
  const user = usersById.get(id);
  if (!user) {
    throw new Error(`no demo user "${id}" in ${name.en}; known ids: ${[...usersById.keys()].join(', ')}`);
  }
  return user;
}
