rel='gwr-city/2024_益阳_government-work-report.txt'
ranges=[[0,2503],[5269,9429]]
spec='''
二十大 | n congress number
三高四新 | n name with numbers
发展六仗 | n name with number
[1] | n footnote marker
增长4% | n estimate of the year under review (预计数)
增长3.5% | n estimate of the year under review (预计数，下同)
增长6% | n estimate of the year under review (预计数，下同)
增长7.5% | n estimate of the year under review (预计数，下同)
增长5% | n estimate of the year under review (预计数，下同)
增长6.3% | n estimate of the year under review (预计数，下同)
千百十 | n programme name with numbers
[2] | n footnote marker
五大战略性产业集群 | n name with number
[3] | n footnote marker
三年行动 | n programme name with number
三送三解三优 | n campaign name with numbers
[4] | n footnote marker
智赋万企 | n campaign name with number
三年行动 | n programme name with number
稳增长17条 | n policy name with number
近5000家 | n past statistic
年产值过十亿元企业 | n size describing a group (firm class)
过亿元企业 | n size describing a group (firm class)
超过150个 | n past statistic
新三板 | n name with number
五好 | n name with number
十代 | n name with number
[5] | n footnote marker
全省首位 | n rank
首批 | n ordinal
4A级 | n grade in a name
四张清单 | n name with number
[6] | n footnote marker
为年度计划的123% | n past statistic
十大产业项目 | n programme name with number
十大基础设施项目 | n programme name with number
三期 | n phase number in a name
三类500强 | n name with number
累计到位资金265亿元 | n past statistic
一件事一次办 | n name with number
三资 | n name with number
近千亿元 | n past statistic
4批⏎⏎次 | n past statistic
十大技术攻关项目 | n programme name with number
[7] | n footnote marker
突破20% | n past statistic
@auto past statistic
@next
增长6.5% | q 6.5 % eq
增长7% | q 7 % eq
增长7%以上 | q 7 % ge
增长6%左右 | q 6 % approx
增长7% | q 7 % eq
五个更加注重 | n slogan
4×4 | n name with numbers
[12] | n footnote marker
八个方面 | n count of items of the text
四个着力点 | n count of the items just named (referential)
五大战略性产业集群 | n name with number
210个 | q 210 个 eq
260亿元以上 | q 260e8 元 ge
十大产业项目 | n programme name with number
增长6.5%以上 | q 6.5 % ge
增长10%以上 | q 10 % ge
五好 | n name with number
各100个以上 | q 100 个 ge
增长7.5% | q 7.5 % eq
超61% | q 61 % gt
59% | q 59 % gt
三地 | n name with number
超16.5万元 | q 16.5e4 元 gt # per mu (亩均), a ratio base, not a period
第一阵地 | n ordinal in a name
100家 | q 100 家 eq
过50亿元企业 | n size describing a thing (firm class)
1家 | q 1 家 eq
10亿元企业 | n size describing a thing (firm class)
10家以上 | q 10 家 ge
1家以上 | q 1 家 ge
60个以上 | q 60 个 ge
智赋万企 | n campaign name with number
3850家 | q 3850 家 eq
280亿元 | q 280e8 元 eq
达到260家以上 | q 260 家 ge
[13] | n footnote marker
增长12% | q 12 % eq
80家 | q 80 家 eq
十大技术攻关项目 | n programme name with number
双创 | n name with number
2家 | q 2 家 eq
18家 | q 18 家 eq
千兆城市 | n name with number
5G | n number inside a name
900个 | q 900 个 eq
第一路径 | n ordinal in a name
增长4% | q 4 % eq
400个以上 | q 400 个 ge
530亿元以上 | q 530e8 元 ge
三期 | n phase number in a name
十大基础设施项目 | n programme name with number
60亿元 | q 60e8 元 eq
70亿元 | q 70e8 元 eq
三年行动计划 | n programme name with number
一江两岸 | n name with numbers
两个毫不动摇 | n slogan
民营经济31条 | n policy name with number
2.7万家以上 | q 2.7e4 家 ge
提高到62%以上 | q 62 % ge
120亿元 | q 120e8 元 eq
二期 | n phase number in a name
点亮银城·光耀万家 | n programme name with number
[14] | n footnote marker
207个 | q 207 个 eq
100台 | q 100 台 eq
1万个 | q 1e4 个 eq
1300个 | q 1300 个 eq
40万亩 | q 40e4 亩 eq
稳定在⏎551万亩 | q 551e4 亩 eq
234万吨以上 | q 234e4 吨 ge
4+N | n name with numbers
[15] | n footnote marker
一二三产业 | n name with numbers
10家 | q 10 家 eq
增长4%以上 | q 4 % ge
增长8%以上 | q 8 % ge
千万工程 | n programme name with number
百村示范、千村提升 | n programme name with numbers
5000个 | q 5000 个 eq
100个 | q 100 个 eq
100个 | q 100 个 eq
350公里 | q 350 公里 eq
100座 | q 100 座 eq
1.9万人 | q 1.9e4 人 eq
三保障 | n name with number
'''
