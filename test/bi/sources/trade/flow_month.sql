select * from bi.flow_month
