rel='gwr-city/2024_金华_government-work-report.txt'
ranges=[[6586,6880]]
spec='''
千项万亿 | n programme name with numbers
达40% | q 40 % eq # staged target for Q1 (一季度 is a date, not a period)
达60% | q 60 % eq
达85% | q 85 % eq
10月底前 | d 10月底
2700亿元 | q 2700e8 元 eq
增长10%以上 | q 10 % ge
分别增长10% | q 10 % eq
20%以上 | q 20 % ge
2万亩 | q 2e4 亩 eq
占全省10%以上 | q 10 % ge
'''
