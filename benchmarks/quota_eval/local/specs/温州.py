rel='gwr-city/2024_温州_government-work-report.txt'
ranges=[[8204,8615]]
spec='''
百项千亿 | n programme name with numbers
576个 | q 576 个 eq
1300亿元以上 | q 1300e8 元 ge
增长7% | q 7 % eq
增长17% | q 17 % eq
千项万亿 | n programme name with numbers
达到30% | q 30 % eq # staged target for Q1 (一季度 is a date, not a period)
达到60% | q 60 % eq
85%以上 | q 85 % ge
10月底前 | d 10月底
10个 | q 10 个 eq
400家 | q 400 家 eq
100家以上 | q 100 家 ge
增长6.5% | q 6.5 % eq
'''
