rel='gwr-city/2024_承德_government-work-report.txt'
ranges=[[52,2562],[5749,9747]]
spec='''
2023年工作回顾 | n year in heading
二十大 | n congress number
两次 | n past statistic (visits)
— 1 — | n page marker
十五届人大四次会议 | n ordinal (congress session)
— 2 — | n page marker
四梁八柱 | n slogan
500千伏变电站 | n size describing a thing
500千伏输变电工程 | n size describing a thing
吉瓦级 | n size describing a thing
— 3 — | n page marker
PM2.5 | n number inside a name
— 4 — | n page marker
三年行 | n programme name with number
@auto past statistic
@next
增长6%左⏎⏎右 | q 6 % approx
增长5%左右 | q 5 % approx
增长6.5%⏎⏎左右 | q 6.5 % approx
增长7%左右 | q 7 % approx
增长6%左右 | q 6 % approx
增长3.5%左右 | q 3.5 % approx
增长6%左右 | q 6 % approx
控制在3%左右 | q 3 % approx
四个再建功立业 | n slogan
二次创业 | n slogan
— 10 — | n page marker
九个方面 | n count of items of the text
1个专班+8个工作组 | n structure of a mechanism (name-like)
省重点项目50个 | q 50 个 eq
市重点项目270个 | q 270 个 eq
超10亿元 | n size describing a thing (project size class)
60个以上 | q 60 个 ge
1000个以上 | q 1000 个 ge
200个以上 | q 200 个 ge
12⏎⏎台机组 | n size describing a thing (units of a named station)
15场以上 | q 15 场 ge
增长20%以上 | q 20 % ge
20家 | q 20 家 eq
增长10%以上 | q 10 % ge
1个以上 | q 1 个 ge # per county-level unit (每个县市区), not a period
30家 | q 30 家 eq
160个 | q 160 个 eq
两个毫不动摇 | n slogan
— 11 — | n page marker
20家 | q 20 家 eq
30家以上 | q 30 家 ge
16⏎⏎亿元以上 | q 16e8 元 ge
增长10%以上 | q 10 % ge
三年行动 | n programme name with number
50个 | q 50 个 eq
10个以上 | q 10 个 ge
80项 | q 80 项 eq
112家 | q 112 家 eq
达到670家以上 | q 670 家 ge
增长10%以上 | q 10 % ge
500人以上 | q 500 人 ge
三个千万千瓦级 | n size describing a thing (programme of clusters)
57个 | q 57 个 eq
600万千瓦以上 | q 600e4 千瓦 ge
500千伏输⏎⏎变电工程 | n size describing a thing
500千伏 | n size describing a thing
4个 | q 4 个 eq
— 12 — | n page marker
20个以上 | q 20 个 ge
150家 | q 150 家 eq
7000个以上 | q 7000 个 ge
4条产业链 | n count of the items just named (referential, no 等)
46个 | q 46 个 eq
达到千亿级 | q 1e11 '' ge # order of magnitude 千亿级
30个 | q 30 个 eq
增长10%以上 | q 10 % ge
230家 | q 230 家 eq
达到1100亿元以⏎⏎上 | q 1100e8 元 ge
57个 | q 57 个 eq
二期 | n phase number in a name
二期 | n phase number in a name
40家以上 | q 40 家 ge
10⏎⏎万人次以上 | q 10e4 人次 ge
10场以上 | q 10 场 ge
— 13 — | n page marker
20个 | q 20 个 eq
六大 | n count of named items (name-like)
80场以上 | q 80 场 ge
50个以上 | q 50 个 ge
30个以上 | q 30 个 ge
二⏎⏎三级子公司 | n ordinal level of subsidiaries
4条 | q 4 条 eq
一号风景大道 | n number inside a name
年内 | n relative time limit without 前 (out of scope)
百校共建 | n programme name with number
50所 | q 50 所 eq
1个 | q 1 个 eq # per county (每个环京津县), not a period
平急两用 | n slogan
— 14 — | n page marker
两市三区 | n name with numbers
15项 | q 15 项 eq
15次以上 | q 15 次 ge
三方承办 | n slogan
百家名企进承德 | n event name with number
100场次以上 | q 100 场次 ge
至少举办专题招商2⏎⏎次以上 | q 2 次 ge
10家以上 | q 10 家 ge
至少引进1个 | q 1 个 ge
'''
