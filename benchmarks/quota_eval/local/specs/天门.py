rel='gwr-city/2024_天门_government-work-report.txt'
ranges=[[52,2571],[4814,8924]]
spec='''
2023年 | n date
四化 | n slogan
预计地区生产总值增长6.2% | n estimate of the year under review
7.5% | n estimate of the year under review
7.0% | n estimate of the year under review
8.3% | n estimate of the year under review
15.1% | n estimate of the year under review
增长5.6% | n estimate of the year under review
7.8% | n estimate of the year under review
百强 | n rank-like name
50亿元以上项目 | n size describing a thing (project class)
投资50亿元的 | n size describing a thing
投资80亿元的 | n size describing a thing
五个一 | n name with number
半个月 | n past duration
一个月 | n past duration
过10亿元 | n past statistic
二期 | n phase number in a name
亿元以上项目 | n size describing a thing (project class)
全省第4 | n rank
七条意见 | n policy name with number
过千万元工业企业 | n size describing a group (firms with tax over 10 million)
两化融合 | n name with number
三增 | n slogan
二品一标 | n name with numbers
一村一品 | n name with number
首批 | n ordinal
连续三年 | n past period
超十亿元乡镇 | n size describing a group
第三次 | n ordinal
两条 | n past statistic (referential)
全省第1 | n rank
排名第1 | n rank
九条河 | n number inside a name
首批3个县级水网先导区之一 | n rank (one of the first 3)
三区三线 | n name with numbers
五小 | n name with number
G347 | n number inside a name (road)
四好农村路 | n name with number
第二轮 | n ordinal
PM2.5 | n number inside a name
稳定在90%以上 | n past statistic
一类开发区 | n grade in a name
上升3位 | n rank change (past)
一网四链 | n name with numbers
五大行动 | n programme name with number
一件事 | n name with number
第一方阵 | n rank
一网通办 | n name with number
@auto past statistic
@next
增长7.5%左右 | q 7.5 % approx
增长15%以上 | q 15 % ge
增长12%以上 | q 12 % ge
增长12%以上 | q 12 % ge
增长15%以上 | q 15 % ge
七个方面 | n count of items of the text
三年行动计划 | n programme name with number
五个一 | n name with number
131 | n name with number
294个 | q 294 个 eq
100万吨铝制品 | n size describing a thing (project capacity in its name)
154个 | q 154 个 eq
244个 | q 244 个 eq
500千伏变电站 | n size describing a thing
万亿国债 | n national measure named by its size (not set by the speaker)
25亿元以上 | q 25e8 元 ge
一号工程 | n name with number
五大区域 | n count of the items just named (referential)
五个结合 | n slogan
五个不招 | n slogan
一主两新⏎三支撑 | n name with numbers
50亿元以上项目 | n size describing a thing (project class)
2个 | q 2 个 eq
20亿元以上项目 | n size describing a thing (project class)
10个 | q 10 个 eq
500亿元以上 | q 500e8 元 ge
一年以上 | n condition describing a group (duration)
一年以上 | n condition describing a group (duration)
1000亩 | q 1000 亩 eq
15家以上 | q 15 家 ge
80亿元以上 | q 80e8 元 ge
180亿元以上 | q 180e8 元 ge
七条意见 | n policy name with number
125工程 | n programme name with number
100家 | q 100 家 eq
亿元企业 | n size describing a thing (firm class)
20家 | q 20 家 eq
十亿元企业 | n size describing a thing (firm class)
5⏎个 | q 5 个 eq
百亿产业园区 | n size describing a thing (park class)
40个 | q 40 个 eq
达到20%以上 | q 20 % ge
40家 | q 40 家 eq
一企一策 | n slogan
两化融合 | n name with number
10家 | q 10 家 eq
5G | n number inside a name
2家 | q 2 家 eq
两化3A | n name with numbers
1家 | q 1 家 eq
1家 | q 1 家 eq
一区三园多支点 | n name with numbers
一镇一业 | n slogan
一乡一业 | n slogan
1.9万户以上 | q 1.9e4 户 ge
50家 | q 50 家 eq
15家以上 | q 15 家 ge
零的突破 | n set phrase
第五次 | n ordinal
第六届 | n ordinal
200家 | q 200 家 eq
5家 | q 5 家 eq
2家 | q 2 家 eq
30场以上 | q 30 场 ge
3A级 | n grade in a name
4A级 | n grade in a name
120家 | q 120 家 eq
30家以上 | q 30 家 ge
增长10%以上 | q 10 % ge
500家 | q 500 家 eq
突破500亿元 | q 500e8 元 gt
60座 | q 60 座 eq
5个 | q 5 个 eq
2个 | q 2 个 eq
三农 | n name with number
十大提升行动 | n programme name with number
稳定在240万亩以上 | q 240e4 亩 ge
15万亩以上 | q 15e4 亩 ge
2家 | q 2 家 eq
20家 | q 20 家 eq
5个 | q 5 个 eq
十个一体化 | n programme name with number
140公里 | q 140 公里 eq
60座 | q 60 座 eq
10个 | q 10 个 eq
千万工程 | n programme name with number
11个 | q 11 个 eq
四荒地 | n name with number
10万元以上村 | n size describing a thing (village class)
超过65% | q 65 % gt
三个十万工程 | n programme name with numbers
10万农村人口 | q 1e5 '' eq
10万学生 | q 1e5 '' eq
10万产业工人 | q 1e5 '' eq
4A级景区 | n grade in a name
一级公路 | n grade in a name
S213 | n number inside a name (road)
54个 | q 54 个 eq
15分钟便民生活圈 | n programme name with number
4个 | q 4 个 eq
2万平方米 | q 2e4 平方米 eq
全市一个停车场 | n slogan
提高到90%以上 | q 90 % ge
PM2.5 | n number inside a name
一本账、一张表 | n slogan
370家 | q 370 家 eq
突破150家 | q 150 家 gt
增速10%以上 | q 10 % ge
'''
