import { z } from 'zod';
import { f } from './fields.js';

export const Category = z.object({
  id: f.id({ en: 'Code', zh: '分类编号' }),
  name: f.text({ en: 'Name', zh: '分类名称' }, { required: true, aliases: ['名称', '分类'] }),
  parentId: f.ref({ en: 'Parent', zh: '上级分类' }, 'categories'),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Category = z.infer<typeof Category>;

export const Product = z.object({
  id: f.id({ en: 'Code', zh: '产品编号' }),
  name: f.text({ en: 'Name', zh: '产品名称' }, { required: true, aliases: ['名称', '产品'] }),
  categoryId: f.ref({ en: 'Category', zh: '产品分类' }, 'categories', { aliases: ['分类'] }),
  spec: f.text({ en: 'Specification', zh: '规格' }),
  unit: f.text({ en: 'Unit', zh: '单位' }),
  price: f.money({ en: 'List price', zh: '标准价格' }, { aliases: ['价格', '单价'] }),
  status: f.enum({ en: 'Status', zh: '状态' }, 'productStatus', { required: true }),
  notes: f.longtext({ en: 'Description', zh: '说明' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Product = z.infer<typeof Product>;

export const Tier = z.object({
  id: f.id({ en: 'Code', zh: '等级编号' }),
  name: f.text({ en: 'Name', zh: '会员等级' }, { required: true, aliases: ['名称', '等级'] }),
  minPoints: f.int({ en: 'Points from', zh: '起始积分' }),
  pointsPerYuan: f.int({ en: 'Points per 100 yuan', zh: '每百元积分' }),
  discountPct: f.int({ en: 'Discount %', zh: '折扣%' }, { max: 100 }),
  benefits: f.longtext({ en: 'Benefits', zh: '权益' }),
  createdAt: f.createdAt(),
  updatedAt: f.updatedAt(),
});
export type Tier = z.infer<typeof Tier>;
