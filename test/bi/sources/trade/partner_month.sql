select * from bi.partner_month
