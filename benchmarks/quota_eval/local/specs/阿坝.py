rel='gwr-city/2024_阿坝_government-work-report.txt'
ranges=[[0,2501],[8919,13163]]
spec='''
二十大 | n congress number
二十大和二十届一中二中全会 | n congress numbers
省委十二届三次四次全会 | n ordinal (plenary sessions)
州委⏎十二届三次四次全会 | n ordinal (plenary sessions)
一州两区三家园 | n name with numbers
四⏎下基层 | n name with number
四个意识 | n slogan
四个自信 | n slogan
两个确立 | n slogan
两个维护 | n slogan
七十华诞 | n anniversary
七十年 | n anniversary
七十年 | n anniversary
三馆两中心 | n name with numbers
一州两区三家园 | n name with numbers
预计全年实现地区生产总值495亿元 | n estimate of the year under review
增长6.5%左右 | n estimate of the year under review
两个百万级大关 | n past statistic
突破300亿元 | n past statistic
三年行动 | n programme name with number
“6·27” | n event name with number
“5·8” | n event name with number
连续11年 | n past period
连续36年 | n past period
全国第一 | n rank
一核两源六区 | n name with numbers
七大保护 | n programme name with number
Ⅱ类标准以上 | n water-quality class (category, not a quantity)
七大治理 | n programme name with number
两化三害 | n name with numbers
一河一策一图 | n name with numbers
全省第一 | n rank
两山 | n name with number
两山 | n name with number
第一方阵 | n rank
@auto past statistic
@next
增长6.5%以上 | q 6.5 % ge
三次产业 | n name with number (the three sectors)
分别增长4.5% | q 4.5 % eq
6.5% | q 6.5 % eq
7%以上 | q 7 % ge
增长7%以上 | q 7 % ge
增长8%以上 | q 8 % ge
增长7%以上 | q 7 % ge
增长8%以上 | q 8 % ge
增长7%以上 | q 7 % ge
分别增长6.5% | q 6.5 % eq
8%以上 | q 8 % ge
控制在5.5%以内 | q 5.5 % le
六个必须坚持 | n slogan
两个确立 | n slogan
两个维护 | n slogan
双碳 | n name with number
一屏四带 | n name with numbers
三地共建 | n name with number
五业同优 | n name with number
四向通道 | n name with number
九个方面 | n count of items of the text
第一方阵 | n rank
七大保护 | n programme name with number
三个典范 | n name with number
三长 | n name with number
一巡三查 | n name with numbers
8万亩 | q 8e4 亩 eq
160万株 | q 160e4 株 eq
741公里 | q 741 公里 eq
两山 | n name with number
1个 | q 1 个 eq
2个 | q 2 个 eq
七大治理 | n programme name with number
一村一策 | n slogan
千村示范工程 | n programme name with number
清四乱 | n name with number
两化三害 | n name with numbers
三平衡 | n name with number
15万亩 | q 15e4 亩 eq
70万亩 | q 70e4 亩 eq
90万亩 | q 90e4 亩 eq
99%以上 | q 99 % ge
第三轮 | n ordinal
1+N | n name with numbers
两高一低 | n name with numbers
三高 | n name with number
最多跑一次 | n reform name with number (not a limit)
一件事一次办 | n name with number
三社融合 | n name with number
两项改革 | n name with number
5家 | q 5 家 eq
1个 | q 1 个 eq
18户 | q 18 户 eq
12项以上 | q 12 项 ge
3个以上 | q 3 个 ge
泛珠三角 | n number inside a name
九黄机场 | n number inside a name
都四轨道 | n number inside a name
3.3亿元以上 | q 3.3e8 元 ge
达500公里以上 | q 500 公里 ge
九绵高速 | n number inside a name
都四轨道 | n number inside a name
九黄机场 | n number inside a name
三位一体 | n slogan
2个试点 | n count of the items just named (referential)
第三批 | n ordinal
1个 | q 1 个 eq
125公里 | q 125 公里 eq
达1300公里以上 | q 1300 公里 ge
四好农村路 | n name with number
各1个 | q 1 个 eq
光伏+N | n name with letter
10万千瓦风电项目 | n size describing a thing (project capacity in its name)
90万千瓦 | q 90e4 千瓦 eq
500千伏电网送出工程 | n size describing a thing
500千伏配套线路 | n size describing a thing
两个220千伏变电站 | n size describing a thing (referential count)
1000千伏特高压 | n size describing a thing
400公里 | q 400 公里 eq
5G | n number inside a name
676个 | q 676 个 eq
百千万 | n programme name with numbers
覆盖率70%⏎ | q 70 % eq
83% | q 83 % eq
495个 | q 495 个 eq
1个 | q 1 个 eq
3个 | q 3 个 eq
3个 | q 3 个 eq
超过120户 | q 120 户 gt
90%以上 | q 90 % ge
6+N | n name with numbers
2万亩 | q 2e4 亩 eq
2.8万亩 | q 2.8e4 亩 eq
达29万亩 | q 29e4 亩 eq
36万亩以上 | q 36e4 亩 ge
13个 | q 13 个 eq
2个 | q 2 个 eq
101⏎万头（只） | q 101e4 头 eq # unit written 头（只）
44万头 | q 44e4 头 eq
26万吨 | q 26e4 吨 eq
三产融合、三链同构 | n name with numbers
162个 | q 162 个 eq
30万亩 | q 30e4 亩 eq
10个 | q 10 个 eq
三品一标 | n name with numbers
4个 | q 4 个 eq
2个 | q 2 个 eq
5+N | n name with numbers
突破500亿元 | q 500e8 元 gt
'''
