rel='gwr-city/2024_贵港_government-work-report.txt'
ranges=[[106,2742],[6510,10723]]
spec='''
二十大 | n congress number
二十大 | n congress number
投资2000万元以上设施农业项目 | n size describing a thing (project class)
投资12亿元的 | n size describing a thing
一期 | n phase number in a name
投资119亿元的 | n size describing a thing
百亿元项目零突破 | n size describing a thing (project class)
比上年提高9.4个百分点 | n past statistic
年产95万吨纸和浆的产能 | n past statistic (capacity formed)
八个一 | n name with number
突破1000个 | n past statistic
2000吨级航道 | n size describing a thing
十一连冠 | n past statistic (set phrase)
双百双新 | n programme name with numbers
千⏎企技改 | n programme name with number
两轮车 | n number inside a name
第2位 | n rank
百强 | n rank-like name
连续7年 | n past period
500强 | n name with number (ranking list)
三品 | n name with number
一等奖 | n ordinal
增长4倍 | n past statistic
500强 | n name with number (ranking list)
三产 | n name with number
一刻钟 | n name with number
连续6年排全国内河第一 | n rank
九凌湖 | n number inside a name
一件事一次办 | n name with number
亿元以上项目 | n size describing a thing (project class)
四类500⏎强 | n name with number
@auto past statistic
@next
增长5％左右 | q 5 % approx
增长4％左右 | q 4 % approx
增长5％左右 | q 5 % approx
增长5％左右 | q 5 % approx
增长8％左右 | q 8 % approx
失业率5.5％左右 | q 5.5 % approx
控制在3％以内 | q 3 % le
12344 | n name with number
1＋5 | n name with numbers
三年攻坚行动 | n programme name with number
六大产业集群 | n programme name with number
千亿产业集群 | n size describing a thing (cluster class)
二期 | n phase number in a name
五个特色产业 | n programme name with number
41.2万亩 | q 41.2e4 亩 eq
稳定在149万吨 | q 149e4 吨 eq
40万吨左右 | q 40e4 吨 approx
23万吨以上 | q 23e4 吨 ge
3.5万吨以上 | q 3.5e4 吨 ge
10万吨以上 | q 10e4 吨 ge
四荤两素 | n name with numbers
两品一标 | n name with numbers
50万吨仓储基地 | n size describing a thing (project capacity in its name)
5个以上 | q 5 个 ge
三山一峡 | n name with numbers
5A级 | n grade in a name
5个以上 | q 5 个 ge
千村百馆 | n programme name with numbers
20个 | q 20 个 eq
3000吨级⏎航道 | n size describing a thing
一级公路 | n grade in a name
八个一 | n name with number
年内 | n relative time limit without 前 (out of scope)
至少储备土地1000⏎亩 | q 1000 亩 ge # per park (每个园区), not a period
年内 | n relative time limit without 前 (out of scope)
增长10％以上 | q 10 % ge
三个一万亿 | n programme name with numbers
三个一⏎千亿 | n programme name with numbers
千亿总投资项目 | n size describing a thing (project class)
千亿总投资项目 | n size describing a thing (project class)
千亿总投资项目 | n size describing a thing (project class)
六大产业集群 | n programme name with number
五个特色产业 | n programme name with number
十亿以上甚至百亿项目 | n size describing a thing (project class)
年内 | n relative time limit without 前 (out of scope)
130亿元以上 | q 130e8 元 ge
三升两去三消减 | n name with numbers
两个毫不动摇 | n slogan
'''
