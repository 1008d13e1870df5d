// The demo's catalogue beyond rooms, dining, spa and meetings: packages and guest services,
// with a category below another so the settings list shows a tree. No randomness: the demo
// stays the same on every run.
type Must = (entity: 'categories' | 'products', v: Record<string, unknown>) => string;

export function addCatalogue(must: Must, rooms: string): void {
  const packages = must('categories', { name: '套餐 Packages' });
  const services = must('categories', { name: '宾客服务 Guest services' });
  const transfers = must('categories', { name: '接送 Transfers', parentId: services });
  const suites = must('categories', { name: '套房 Suites', parentId: rooms });
  const products: [string, string, string, string, number, string?][] = [
    [packages, '湖景蜜月套餐 Honeymoon package', '豪华双床房 2 晚 含双早 双人 SPA', '套', 3280],
    [packages, '商务出行套餐 Business stay package', '高级大床房 含早 行政酒廊 洗衣 2 件', '间夜', 798],
    [packages, '家庭周末套餐 Family weekend', '豪华双床房 2 晚 含儿童早餐', '套', 1980, 'inactive'],
    [services, '洗衣服务 Laundry', '按件计', '件', 30],
    [transfers, '机场接送 Airport transfer', '萧山机场 单程 5 座车', '次', 260],
    [suites, '湖景套房 Lake-view Suite', '95㎡ 套房 湖景 含双早', '间夜', 2288],
  ];
  // list prices in yuan above; the workspace keeps fen
  for (const [categoryId, name, spec, unit, price, status] of products) must('products', { categoryId, name, spec, unit, price: price * 100, status: status ?? 'active' });
}
