rel='gwr-city/2024_锡林郭勒_government-work-report.txt'
ranges=[[44,2603],[4742,9034]]
spec='''
两件大事 | n slogan
三保 | n name with number
五个大起底 | n campaign name with number
全区第2位 | n rank
2023年农业品牌精品培育计划 | n programme name with number
千企百城 | n programme name with number
第33届 | n ordinal
千里万人冰雪大穿越 | n event name with number
5A级 | n grade in a name
第七批 | n ordinal
国道5511线 | n number inside a name (road)
国道331线 | n number inside a name (road)
国道207线 | n number inside a name (road)
国道303线 | n number inside a name (road)
一期 | n phase number in a name
第一标⏎⏎段 | n ordinal
百万级 | n size describing a thing (class of airport)
400万千瓦新能源送出工程 | n size describing a thing
500千伏变电站 | n size describing a thing
500千伏输变电环线 | n size describing a thing
近万人 | n past statistic
六个“倍增计划” | n programme name with number
3.0行动方案 | n programme name with number
12345政务服务热线 | n number inside a name (hotline)
双倍增 | n programme name with number
@auto past statistic
@next
2024年 | n date
增长6%左右 | q 6 % approx
增长6.5%左右 | q 6.5 % approx
增长15%以上 | q 15 % ge
增长6%左右 | q 6 % approx
1万人以上 | q 1e4 人 ge
七个方面 | n count of items of the text
达到1.4亿吨左右 | q 1.4e8 吨 approx
两个电厂 | n count of the items just named (referential, no 等)
达到1700万千瓦 | q 1700e4 千瓦 eq
12户以上 | q 12 户 ge
188个 | q 188 个 eq
4月15日前 | d 4月15日
450亿元以上 | q 450e8 元 ge
增长15%以上 | q 15 % ge
一盘棋 | n slogan
1.0版 | n version number in a name
2.0版 | n version number in a name
一网通办 | n name with number
达到75%以上 | q 75 % ge
12345政务服务热线 | n number inside a name (hotline)
达到100% | q 100 % eq
208亩 | q 208 亩 eq
1.5万平方米 | q 1.5e4 平方米 eq
3个 | q 3 个 eq
千万千瓦基地 | n size describing a thing
500千伏变电站 | n size describing a thing
500千伏输变电工程 | n size describing a thing
三期500万千瓦新能源基地 | n size and phase describing a thing
达到2000万千瓦以上 | q 2000e4 千瓦 ge
250万千瓦保障性并网项目 | n size describing a thing
一企一方案 | n slogan
50亿度以上 | n condition describing a group (年用电量50亿度以上的企业)
50万只以上 | q 50e4 只 ge
8%以上 | q 8 % ge
9家 | q 9 家 eq
20万剂 | q 20e4 剂 eq
50头 | q 50 头 eq
1000枚 | q 1000 枚 eq
达到1.8万头 | q 1.8e4 头 eq # 累计 in a plan sentence: a target level
1处 | q 1 处 eq
2处 | q 2 处 eq
20处 | q 20 处 eq
年内 | n relative time limit without 前 (out of scope)
达到9处 | q 9 处 eq
稳定在195万头 | q 195e4 头 eq
达到25万头 | q 25e4 头 eq
稳定在1030万只 | q 1030e4 只 eq
达到35万只 | q 35e4 只 eq
四季出栏 | n set phrase
1—2家 | q 1 家 range max=2
稳定在450万羊单位以上 | q 450e4 羊单位 ge
1处 | q 1 处 eq
1处 | q 1 处 eq
220万亩 | q 220e4 亩 eq
70万亩 | q 70e4 亩 eq
19.29万亩 | q 19.29e4 亩 eq
120万亩 | q 120e4 亩 eq
稳定在3000万亩 | q 3000e4 亩 eq
保持在20亿公斤以上 | q 20e8 公斤 ge
30处 | q 30 处 eq
三级饲草料 | n set phrase (levels)
5A级 | n grade in a name
第34届 | n ordinal
千车万人冰雪大穿越 | n event name with number
300公里最美生态马道 | n size describing a thing
百里马道 | n name with number
22万亩 | q 22e4 亩 eq
35万亩 | q 35e4 亩 eq
19万亩 | q 19e4 亩 eq
5万亩 | q 5e4 亩 eq
37万亩 | q 37e4 亩 eq
两高 | n name with number
十四五 | n plan name with number
'''
