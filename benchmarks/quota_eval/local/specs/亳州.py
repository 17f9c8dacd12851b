rel='gwr-city/2024_亳州_government-work-report.txt'
ranges=[[109,2660],[8756,12956]]
spec='''
二十大 | n congress number
三年新冠 | n past period
六一战略 | n programme name with number
六一战略 | n programme name with number
三年实施规划 | n programme name with number
两个加快 | n programme name with number
三年行动计划 | n programme name with number
4+6 | n name with numbers
第6、第2、第4、第3位 | n rank
连续4个季度居皖北六市第1位 | n rank
24项 | n past statistic (count of indicators)
2项 | n past statistic
第1位 | n rank
10项 | n past statistic
前3位 | n rank
20项 | n past statistic
前8位 | n rank
2215.8亿元 | n past statistic
增长6.3% | n past statistic
第3位 | n rank
160亿元 | n past statistic
增长8% | n past statistic
第4位 | n rank
增长8.1% | n past statistic
增长10.5% | n past statistic
增长9.5% | n past statistic
第4、第2、第2位 | n rank
三次产业 | n name with number (the three sectors)
12.9：34.9：52.2 | n past statistic (ratio)
30强 | n rank
30强第13位 | n rank
每月拿出1/3以上精力 | n past practice described in the review
两个50 | n name with numbers
50亿元以上重大项目 | n size describing a thing (project class)
7个 | n past statistic
亿元以上工业项目 | n size describing a thing (project class)
第3位 | n rank
连续三年 | n past period
第2位 | n rank
第3、第4位 | n rank
PM2.5 | n number inside a name
39.2微克/立方米 | n past statistic
连续6年 | n past period
新时代10年 | n name with number
12345热线 | n number inside a name (hotline)
第1位 | n rank
第2位 | n rank
高于全省37.2个百分点 | n past statistic
新三板 | n name with number
各1家 | n past statistic
第2位 | n rank
亿元以上项目 | n size describing a thing (project class)
超50亿元项目 | n size describing a thing (project class)
十大领域 | n referential count
一级资质 | n grade in a name
二级资质 | n grade in a name
第1位 | n rank
第4位 | n rank
增长一倍 | n past statistic
第2位 | n rank
一期 | n phase number in a name
一级分拨中心 | n grade in a name
首批 | n ordinal
第2位 | n rank
第四批 | n ordinal
@auto past statistic
@next
增长7%左右 | q 7 % approx
增长10% | q 10 % eq
均增长8%以上 | q 8 % ge
3.3万人以上 | q 3.3e4 人 ge
100亿斤以上 | q 100e8 斤 ge
334 | n programme name with number
三化进程 | n name with number
三大行动 | n name with number
四项指数 | n name with number
十个方面 | n count of items of the text
4+6 | n name with numbers
六一战略 | n programme name with number
三年实施规划 | n programme name with number
1215 | n target name with number
不少于100家 | q 100 家 ge
均增长20%以上 | q 20 % ge
均增长15%以上 | q 15 % ge
达2100亿元 | q 2100e8 元 eq
两大一强 | n programme name with number
超10亿元医药制造大企业 | n size describing a thing (firm class)
6家 | q 6 家 eq
超亿元大品种 | n size describing a thing (product class)
10个 | q 10 个 eq
至少1个 | q 1 个 ge
500亿元 | q 500e8 元 eq
突破1500亿元 | q 1500e8 元 gt
300亿元 | q 300e8 元 eq
10家 | q 10 家 eq
1330亿元 | q 1330e8 元 eq
突破100亿元 | q 100e8 元 gt
三七百 | n programme name with number
70亿元 | q 70e8 元 eq
850亿元 | q 850e8 元 eq
六大新兴产业 | n programme name with number
增长15% | q 15 % eq
60亿元 | q 60e8 元 eq
170亿元 | q 170e8 元 eq
三位一体 | n slogan
150亿元 | q 150e8 元 eq
160亿元 | q 160e8 元 eq
100亿元 | q 100e8 元 eq
3家以上 | q 3 家 ge
40亿元 | q 40e8 元 eq
超10亿元企业 | n size describing a thing (firm class)
8家 | q 8 家 eq
超20亿元企业 | n size describing a thing (firm class)
2家 | q 2 家 eq
超50亿元企业 | n size describing a thing (firm class)
1家 | q 1 家 eq
30家 | q 30 家 eq
1家 | q 1 家 eq
1家 | q 1 家 eq
1家 | q 1 家 eq
2家 | q 2 家 eq
2个 | q 2 个 eq
30强 | n rank
25%以上 | q 25 % ge
15%以上 | q 15 % ge
260家 | q 260 家 eq
1个 | q 1 个 eq
8个 | q 8 个 eq
1431 | n programme name with number
4个“三年行动计划” | n count of the items just named (programme names)
百万人口现代化大城市 | n size describing a thing
二期 | n phase number in a name
G311 | n number inside a name (road)
9个 | q 9 个 eq
二期 | n phase number in a name
第三十五中学 | n number inside a name
第三十七中⏎学 | n number inside a name
二院 | n number inside a name
1500个 | q 1500 个 eq
2550个 | q 2550 个 eq
提升至45.5% | q 45.5 % eq
11条 | q 11 条 eq
4条 | q 4 条 eq
12个 | q 12 个 eq
40公里 | q 40 公里 eq
20万平方米 | q 20e4 平方米 eq
三期 | n phase number in a name
30公里 | q 30 公里 eq
70%以上 | q 70 % ge
四无 | n name with number
75个 | q 75 个 eq
二期 | n phase number in a name
1260亿元 | q 1260e8 元 eq
100家以上 | q 100 家 ge
突破145亿元 | q 145e8 元 gt
一级分拨中心 | n grade in a name
10强 | n rank (target rank)
20强 | n rank (target rank)
1300万亩 | q 1300e4 亩 eq
620万亩 | q 620e4 亩 eq
26万亩 | q 26e4 亩 eq
第三次 | n ordinal
丰优258 | n number inside a name (variety)
涡麦229 | n number inside a name (variety)
2个 | q 2 个 eq
稳定在120万亩 | q 120e4 亩 eq
50万亩 | q 50e4 亩 eq
150万亩 | q 150e4 亩 eq
25万头 | q 25e4 头 eq
340万头 | q 340e4 头 eq
一县一业 | n slogan
1个 | q 1 个 eq
4个 | q 4 个 eq
60个 | q 60 个 eq
达94.7% | q 94.7 % eq
2个 | q 2 个 eq
30个 | q 30 个 eq
248个 | q 248 个 eq
四网 | n name with number
150公里 | q 150 公里 eq
19座 | q 19 座 eq
6处 | q 6 处 eq
惠及130万人 | n effect of a measure (beneficiaries), not a requirement
保持99.9%以上 | q 99.9 % ge
5G | n number inside a name
1000个 | q 1000 个 eq
5G | n number inside a name
2个以上 | q 2 个 ge
千村引领、万村升级 | n programme name with numbers
9个 | q 9 个 eq
37个 | q 37 个 eq
487个 | q 487 个 eq
1.9万户以上 | q 1.9e4 户 ge
稳定在98%以上 | q 98 % ge
第二轮 | n ordinal
再延长30年 | n programme term (4b: 再延长30年)
三变 | n name with number
覆盖92%以上 | q 92 % ge
30%以上 | q 30 % ge
300亩左右 | n size describing a thing (land class)
45%以上 | q 45 % ge
'''
