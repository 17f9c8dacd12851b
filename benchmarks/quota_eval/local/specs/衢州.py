rel='gwr-city/2024_衢州_government-work-report.txt'
ranges=[[4912,5837]]
spec='''
5%以上 | q 5 % ge
160亿元以上 | q 160e8 元 ge
8+4 | n name with numbers
四大专项 | n name with number
70亿元以上 | q 70e8 元 ge
170亿元 | q 170e8 元 eq
突破3000亿元 | q 3000e8 元 gt
1000个 | q 1000 个 eq
增长20%以上 | q 20 % ge
增长15%以上 | q 15 % ge
达到30% | q 30 % eq # staged target for Q1 (一季度 is a date, not a period)
达到60% | q 60 % eq
达到85%以上 | q 85 % ge
10月底前 | d 10月底
5020 | n programme name with number
亿元以上项目 | n size describing a thing (project class)
250个 | q 250 个 eq
二次消费 | n name with number
增长10% | q 10 % eq
增长13%以上 | q 13 % ge
长三角第一辣街 | n name with ordinal
150家以上 | q 150 家 ge
增长10%以上 | q 10 % ge
千亿行动 | n programme name with number
增长15%以上 | q 15 % ge
突破800亿元 | q 800e8 元 gt
超亿元企业 | n size describing a group (firm class)
达到100家 | q 100 家 eq
超10亿元企业 | n size describing a group (firm class)
达到15家 | q 15 家 eq
1.5亿美元以上 | q 1.5e8 美元 ge
超过50% | q 50 % gt
三边 | n name with number
6月底完成 | d 6月底 # date + 完成 without 前: a time limit (GUIDELINE_LOCAL)
一期 | n phase number in a name
增长15%以上 | q 15 % ge
'''
