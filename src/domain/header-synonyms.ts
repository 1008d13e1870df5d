// Column headers real exports use, in English (snake_case, camelCase, spaced: compared with
// case, spaces, _ and - removed) and Chinese, beside each field's own name, labels and aliases.
// Keyed by target, not by entity: a target counts only for an entity that has the field, and
// the first target of a header that the entity has wins. `customerId.id` is a reference read
// by the referenced record's code (`customerId.phone`: by its mobile).
export const HEADER_SYNONYMS: Record<string, string[]> = {
  'customerId.id': ['customer_id', 'customer_code', 'customer_no', 'customer_number', 'client_id', 'guest_id', 'member_id', 'member_no', '客户编号', '客户代码', '客户号', '客户ID', '会员编号', '会员号', '会员卡号'],
  'customerId.phone': ['customer_phone', 'customer_mobile', 'guest_phone', '客户手机', '客户电话', '客户手机号'],
  'customerId.name': ['customer_name', 'guest_name', 'client_name', '客户姓名', '顾客姓名', '宾客姓名'],
  name: ['full_name', 'customer_name', 'guest_name', 'client_name', '顾客姓名', '宾客姓名'],
  phone: ['mobile_phone', 'mobile_number', 'phone_number', 'cell_phone', 'cellphone', 'tel_mobile', '电话号码', '手机号'],
  email: ['email_address', 'mail', '邮件'],
  gender: ['sex', '性别'],
  birthday: ['birth_date', 'date_of_birth', 'dob', 'birthdate', '出生年月'],
  notes: ['remarks', 'remark', 'comments', 'comment', 'note', '备注信息', '附注'],
  date: ['order_date', 'orderDate', 'purchase_date', 'booking_date', 'reservation_date', 'date', '下单日期', '订单日期', '购买日期', '交易日期', '消费日期'],
  total: ['amount', 'order_amount', 'total_amount', 'order_total', 'total_price', 'sales', 'revenue', '订单金额', '消费金额', '交易金额', '实付金额', '金额'],
  quantity: ['qty', 'quantity', 'purchase_quantity', 'units', '购买数量', '数量'],
  status: ['order_status', 'reservation_status', 'booking_status', 'is_canceled', 'is_cancelled', 'canceled', 'cancelled', '是否取消', '订单状态'],
  cancelled: ['is_canceled', 'is_cancelled', 'canceled', 'cancelled', '是否取消'],
  paymentStatus: ['payment_status', 'paid', 'is_paid', '支付状态', '是否付款'],
  type: ['order_type', 'ticket_type', 'feedback_type', 'category_type', '类型'],
  subject: ['title', 'topic', 'summary', '标题', '主题'],
  description: ['content', 'feedback', 'review', 'review_text', 'text', 'details', '内容', '反馈内容', '评价内容', '投诉内容'],
  raisedOn: ['feedback_date', 'review_date', 'complaint_date', 'raised_on', '反馈日期', '评价日期', '投诉时间', '日期'],
  createdAt: ['created_at', 'created', 'create_time', '创建时间'],
  updatedAt: ['updated_at', 'modified_at', 'update_time', '更新时间'],
  city: ['city_name', 'town', '城市'],
  address: ['street_address', 'addr', '住址'],
  company: ['company_name', 'organization', 'organisation', '企业名称'],
  source: ['lead_source', 'channel_source', '渠道来源'],
};
