select * from bi.partner_ytd
