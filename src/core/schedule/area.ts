/**
 * The area a customer is visited in, for keeping a person's visits of one day together: the
 * customer table's region cell when there is one, else the city and district read from a Chinese
 * address (省 / 自治区 dropped; 市, then 区 / 县 / 旗 when one follows), else ''. "上海市浦东新区
 * 张杨路 500 号" is 上海市浦东新区; "江苏省南京市鼓楼区…" is 南京市鼓楼区; "浙江省杭州市西湖…" is 杭州市.
 */
const PROVINCE = /^(.{2,3}?省|.{2,9}?自治区|.{2,4}?特别行政区)/;
const CITY = /^(.{1,8}?(?:市|自治州|地区|盟))/;
const DISTRICT = /^(.{1,8}?(?:区|县|旗|市))/;

export function areaOf(region: string, address: string): string {
  const r = region.normalize('NFKC').trim();
  if (r !== '') return r;
  let a = address.normalize('NFKC').replace(/\s+/g, '');
  if (a === '') return '';
  a = a.replace(PROVINCE, '');
  const city = CITY.exec(a);
  if (!city) {
    // A county-level address with no city before it: its county or district.
    const d = DISTRICT.exec(a);
    return d ? d[1] : '';
  }
  const rest = a.slice(city[1].length);
  const district = DISTRICT.exec(rest);
  return district ? city[1] + district[1] : city[1];
}
