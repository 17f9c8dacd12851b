rel='gwr-city/2024_蚌埠_government-work-report.txt'
ranges=[[68,2580],[7866,12000]]
spec='''
二十大、二十届二中全会 | n congress numbers
七个强市 | n name with number
三地一区 | n name with numbers
两中心 | n name with number
六大行动 | n programme name with number
累计达2866家 | n past statistic
全省第9位 | n rank
百强 | n rank-like name
三个专班 | n past statistic (referential)
第三届 | n ordinal
第五届 | n ordinal
亿元以上项目 | n size describing a thing (project class)
三看三比 | n name with numbers
年产4500万平方米 | n size describing a thing (project capacity in its name)
年产260万套 | n size describing a thing (project capacity in its name)
4批次 | n past statistic
500万元以上投资项目 | n size describing a thing (project class)
50亿元以上制造业项目 | n size describing a thing (project class)
全省第6位 | n rank
首届 | n ordinal
十大领军企业 | n name with number
四个十佳 | n name with numbers
零突破 | n set phrase
4A级 | n grade in a name
五大产业集群 | n name with number
6英寸线 | n size describing a thing
一期 | n phase number in a name
双跨 | n name with number
5G | n number inside a name
五大攻坚 | n programme name with number
3万吨/日 | n past statistic
全省第1位 | n rank
全省第6位 | n rank
全省第5位 | n rank
高于全部贷款7.34个百分点 | n past statistic
全省第5位 | n rank
百强 | n rank-like name
全省首位 | n rank
2023年 | n date
第五届 | n ordinal
214所 | n number inside a name (institute)
全省第2位 | n rank
一枢纽一基地 | n name with numbers
@auto past statistic
@next
增长7.5% | q 7.5 % eq
增长8%以上 | q 8 % ge
增长10%以上 | q 10 % ge
增长9%左右 | q 9 % approx
增长9.5% | q 9.5 % eq
增长4.4% | q 4.4 % eq
九个方面 | n count of items of the text
第一战略 | n ordinal in a name
两谷两园 | n name with numbers
五大产业集群 | n name with number
突破1100亿元 | q 1100e8 元 gt
超65% | q 65 % gt
年产400万套 | n size describing a thing (project capacity in its name)
年产120万平方米 | n size describing a thing (project capacity in its name)
突破330亿元 | q 330e8 元 gt
5GW | n size describing a thing (project capacity in its name)
7GWh | n size describing a thing (project capacity in its name)
3GWh | n size describing a thing (project capacity in its name)
突破200亿元 | q 200e8 元 gt
二期 | n phase number in a name
突破140亿元 | q 140e8 元 gt
8英寸、6英寸 | n size describing a thing
第三代 | n ordinal in a name
3D | n number inside a name
突破70亿元 | q 70e8 元 gt
八一化工 | n number inside a name
二期 | n phase number in a name
10万吨聚乳酸 | n size describing a thing (project capacity in its name)
10万吨高分子 | n size describing a thing (project capacity in its name)
8万吨钛白粉 | n size describing a thing (project capacity in its name)
突破400亿元 | q 400e8 元 gt
九州云箭二期 | n name with numbers, phase
二期 | n phase number in a name
四大提升 | n programme name with number
8万吨防火材料 | n size describing a thing (project capacity in its name)
亿元以上重点技改项目 | n size describing a thing (project class)
100个 | q 100 个 eq
增长10% | q 10 % eq
2个 | q 2 个 eq
300家 | q 300 家 eq
8家 | q 8 家 eq
3家 | q 3 家 eq
5家 | q 5 家 eq
首台套、首批次、首版次 | n ordinal names
15个 | q 15 个 eq
10个 | q 10 个 eq
2万吨/日 | q 2e4 吨/日 eq
105万平方米 | q 105e4 平方米 eq
90%以上 | q 90 % ge
双停企业 | n name with number
1000亩以上 | q 1000 亩 ge
6个省级以上开发区 | n referential count (all existing zones)
前20、30、50名 | n rank (target rank)
各不少于1个 | q 1 个 ge
一枢纽一基地 | n name with numbers
增长10%以上 | q 10 % ge
两业融合 | n name with number
15户 | q 15 户 eq
35户 | q 35 户 eq
70户 | q 70 户 eq
双招双引 | n name with number
第一战术 | n ordinal in a name
600个以上 | q 600 个 ge
不少于450个 | q 450 个 ge
10亿元以上制造业项目 | n size describing a thing (project class)
不少于45个 | q 45 个 ge
50亿元以上制造业项目 | n size describing a thing (project class)
不少于10个 | q 10 个 ge
至少引进1个 | q 1 个 ge # per county (每个县区), not a period
50亿元项目 | n size describing a thing (project class)
60%以上 | q 60 % ge
三看三比 | n name with numbers
每季度观摩制造业项目不少于4个 | q 4 个 ge per=每季度
50亿元以上项目 | n size describing a thing (project class)
不少于1个 | q 1 个 ge
增长15%以上 | q 15 % ge
增长10% | q 10 % eq
100户 | q 100 户 eq
超百亿企业 | n size describing a thing (firm class)
1户 | q 1 户 eq
超50亿元、10亿元企业 | n size describing a thing (firm class)
分别达4户 | q 4 户 eq
22户 | q 22 户 eq
100户 | q 100 户 eq
5户以上 | q 5 户 ge
不少于2家 | q 2 家 ge
超560亿元 | q 560e8 元 gt
增长25%以上 | q 25 % ge
150亿元以上 | q 150e8 元 ge
下降10个基点以上 | q 10 个基点 ge
三类土地 | n name with number
15所 | q 15 所 eq
15所 | q 15 所 eq
2.6%以上 | q 2.6 % ge
10.5件以上 | q 10.5 件 ge # per 10,000 people (每万人口): a ratio base, not a period
1家 | q 1 家 eq
140家 | q 140 家 eq
超8家 | q 8 家 gt
30个以上 | q 30 个 ge
20支 | q 20 支 eq
30⏎名 | q 30 名 eq
300名 | q 300 名 eq
1.5万人 | q 1.5e4 人 eq
5000人 | q 5000 人 eq
60场 | q 60 场 eq
1万人 | q 1e4 人 eq
3个 | q 3 个 eq
亿元以上项目 | n size describing a thing (project class)
不少于160个 | q 160 个 ge
两地 | n referential count
亿元以上项目 | n size describing a thing (project class)
50个 | q 50 个 eq
增长10%以上 | q 10 % ge
亿元以上项目 | n size describing a thing (project class)
100个以上 | q 100 个 ge
10家 | q 10 家 eq
增长20% | q 20 % eq
增长20% | q 20 % eq
50家以上 | q 50 家 ge
过千万美元企业 | n size describing a group (firm class)
达45家 | q 45 家 eq
第一方阵 | n rank
一网、一门、一次 | n name with numbers
一次办结率 | n metric name with number
均达95%以上 | q 95 % ge
100项 | q 100 项 eq
千企万众评科长 | n event name with numbers
两个毫不动摇 | n slogan
突破400亿元 | q 400e8 元 gt
7家 | q 7 家 eq
'''
