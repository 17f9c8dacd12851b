rel='gwr-city/2024_舟山_government-work-report.txt'
ranges=[[3384,4220]]
spec='''
三大提升行动 | n programme name with number
超700亿元的 | n size describing a thing
两高一铁 | n name with numbers
一桥一隧 | n name with numbers
一期 | n phase number in a name
二期 | n phase number in a name
万吨级泊位 | n size describing a thing
三期 | n phase number in a name
五山水利工程 | n number inside a name
百里文廊 | n name with number
2000年之前 | n condition describing a group (built before 2000), not a deadline
三年解危面积全省第一 | n rank
千万工程 | n programme name with number
四好农村路 | n name with number
@auto past statistic
'''
