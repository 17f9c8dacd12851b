rel='gwr-city/2024_哈尔滨_government-work-report.txt'
ranges=[[2700,3374]]
spec='''
保持在80%以上 | n past statistic
10个 | n past statistic
3亿元 | n past statistic
19225户 | n past statistic
10月20日前 | n past deadline in the review (already met), not a future time limit
11月7日-9日 | n date
12345民声热线 | n number inside a name (hotline)
均达99%以上 | n past statistic
为年计划的118.8% | n past statistic
由每户200元 | n old level of a change (past)
提高到1110元 | n past statistic
十四五 | n plan name with number
两年累计投入16亿元 | n past statistic
@auto past statistic
'''
