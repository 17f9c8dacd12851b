rel='gwr-city/2024_北京_government-work-report.txt'
ranges=[[50,2629],[6984,12649]]
spec='''
二十大 | n congress number
三年新冠 | n past period
“23·7” | n event name with number
二十大和二十届二中全会 | n congress numbers
四个中心 | n slogan
四个服务 | n slogan
五子 | n slogan
市十六届人大一次会议 | n ordinal (congress session)
约4.4万亿元 | n past statistic
突破6000亿元 | n past statistic
城镇调查失业率4.4% | n past statistic
万元地区生产总值 | n metric name (per 10,000 yuan of GDP)
三年行动计划 | n programme name with number
第四使馆区 | n ordinal in a name
第三届 | n ordinal
一带一路 | n name with number
第二道绿化隔离 | n ordinal in a name
五年工作方案 | n programme name with number
约8平方公里 | n past statistic
二期 | n phase number in a name
第二批 | n ordinal
东六环 | n number inside a name
北三县 | n name with number
三年行动计划 | n programme name with number
增长1.1倍 | n past statistic
三校一院 | n name with numbers
三城一区 | n name with numbers
超过30% | n past statistic
三大科学城 | n name with number (referential)
超过270个 | n past statistic
30余项 | n past statistic
5G | n number inside a name
近一半 | n past statistic
三个智慧城市应用终端 | n count of the items just named (referential)
2.0版 | n version number in a name
170余项 | n past statistic
首批 | n ordinal
近三倍 | n past statistic
6.0版 | n version number in a name
一件事 | n name with number
一业一证 | n name with number
突破211万户 | n past statistic
@auto past statistic
@next
十四五 | n plan name with number
增长5%左右 | q 5 % approx
增长5% | q 5 % eq
控制在5%以内 | q 5 % le
涨幅3%左右 | q 3 % approx
四个中心 | n slogan
四个服务 | n slogan
十一个方面 | n count of items of the text
三年行动计划 | n programme name with number
二期 | n phase number in a name
第四使馆区 | n ordinal in a name
一带一路 | n name with number
第二批 | n ordinal
再减量6.5平方公里 | q 6.5 平方公里 eq
1650条 | q 1650 条 eq
新两翼 | n name with number
三校一院 | n name with numbers
保持千亿级投资强度 | q 1e11 '' ge # order of magnitude 千亿级 as a level to keep
东六环 | n number inside a name
东六环 | n number inside a name
101线 | n number inside a name (line)
22号线 | n number inside a name (line)
二期 | n phase number in a name
两个示范区 | n name with number (referential)
三地 | n referential count (the three regions)
六链五群 | n name with numbers
双城记 | n slogan
一期 | n phase number in a name
国道109 | n number inside a name (road)
2万个 | q 2e4 个 eq
双减 | n name with number
双一流 | n name with number
一区多园 | n name with number
一园一方案 | n slogan
5G | n number inside a name
1万个以上 | q 1e4 个 ge
4.0阶段 | n version number in a name
新智造100 | n programme name with number
三大工作体系 | n count of the items just named (referential)
一网通办 | n name with number
一网统管 | n name with number
一网慧治 | n name with number
万兆光网 | n name with number
一数一源一标准 | n slogan
两区 | n name with number
双枢纽 | n name with number
三级 | n set phrase (levels)
两个毫不动摇 | n slogan
4片 | q 4 片 eq
3个100 | n programme name with numbers
平急两用 | n slogan
三大工程 | n name with number (referential)
6G | n number inside a name
五篇大文章 | n slogan
三山五园 | n name with numbers
1.6万场 | q 1.6e4 场 eq
新开工300个 | q 300 个 eq
完工200个 | q 200 个 eq
新开工1000部 | q 1000 部 eq
完工600部 | q 600 部 eq
2000户 | q 2000 户 eq
20万平方米 | q 20e4 平方米 eq
40个 | q 40 个 eq
'''
