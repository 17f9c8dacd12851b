rel='gwr-city/2024_晋城_government-work-report.txt'
ranges=[[8527,8859]]
spec='''
不少于20个 | q 20 个 ge
不少于100个 | q 100 个 ge
太行一号 | n number inside a name
123个 | q 123 个 eq
15个 | q 15 个 eq
百里沁河 | n name with number
28个 | q 28 个 eq
“4·30” | n date used as a name
“五一” | n holiday name (date)
20.2平方公里先行区 | n size describing a thing
3条 | n count of the items just named (referential, no 等)
年底前 | d 年底
百万群众 | n effect of a measure (beneficiaries), not a requirement
1＋4 | n name with numbers
年底前 | d 年底
'''
