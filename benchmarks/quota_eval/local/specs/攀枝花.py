rel='gwr-city/2024_攀枝花_government-work-report.txt'
ranges=[[9836,10000]]
spec='''
200个以上 | q 200 个 ge
80个以上 | q 80 个 ge
30个以上 | q 30 个 ge
一把手 | n set phrase
年底前 | d 年底
60万千瓦光伏项目 | n size describing a thing (project capacity in its name)
年底部分并网发电 | d 年底 # date + action without 前: a time limit (GUIDELINE_LOCAL)
290亿元 | q 290e8 元 eq
增长10%以上 | q 10 % ge
'''
