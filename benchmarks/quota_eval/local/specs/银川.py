rel='gwr-city/2024_银川_government-work-report.txt'
ranges=[[53,2585],[4819,8989]]
spec='''
“6·21” | n event name with number
二十大 | n congress number
两个确立 | n slogan
两个维护 | n slogan
连续两年 | n past period
十大大美之城 | n name with number (ranking list)
五比 | n campaign name with number
七年来 | n past period
四上企业 | n name with number
突破1100亿元 | n past statistic
第一方阵 | n rank
三率 | n name with number
三新 | n name with number
十心 | n name with number
40万市民 | n past statistic
首位度稳定在50%以上 | n past statistic
强信心稳经济25条 | n policy name with number
优化服务环境20条 | n policy name with number
四批次 | n past statistic
亿元以上项目 | n size describing a thing (project class)
四争 | n name with number
连续三年破百亿 | n past statistic
二十连丰 | n past statistic (set phrase)
5A级 | n grade in a name
三新 | n name with number
三新 | n name with number
千亿级集群 | n size describing a thing (cluster class)
两位数增长 | n past statistic
千兆城市 | n name with number
超950亿元 | n past statistic
五心 | n name with number
前五 | n rank
六权 | n name with number
三年行动 | n programme name with number
连续两年位居全国第五 | n rank
双创 | n name with number
双创 | n name with number
一单制 | n name with number
几字弯 | n name with number
九省 | n referential count
PM2.5 | n number inside a name
首批 | n ordinal
四期 | n phase number in a name
6+N | n programme name with number
123 | n programme name with number
@auto past statistic
@next
增长6.5%左右 | q 6.5 % approx
增长8%左右 | q 8 % approx
增长6%左右 | q 6 % approx
增长5.5%左右 | q 5.5 % approx
增长5%左右 | q 5 % approx
增长6.5%左右 | q 6.5 % approx
7.5%左右 | q 7.5 % approx
控制在5.5%以内 | q 5.5 % le
三都五基地 | n name with numbers
两地五中心 | n name with numbers
三新 | n name with number
突破3700亿元 | q 3700e8 元 gt
29个 | q 29 个 eq
突破600亿元 | q 600e8 元 gt
45个 | q 45 个 eq
突破600亿元 | q 600e8 元 gt
68个 | q 68 个 eq
突破600亿元 | q 600e8 元 gt
10家 | q 10 家 eq
百亿级企业 | n size describing a thing (firm class)
1家 | q 1 家 eq
50亿级企业 | n size describing a thing (firm class)
2家 | q 2 家 eq
30家 | q 30 家 eq
4家 | q 4 家 eq
突破1100亿元 | q 1100e8 元 gt
100P以上 | q 100 P ge # P = petaflops of computing power
不少于20个 | q 20 个 ge
两地五中心 | n name with numbers
8个 | q 8 个 eq
达50% | q 50 % eq
一山一河 | n name with number
增长15%以上 | q 15 % ge
四全 | n name with number
四业 | n name with number
十万大学生留银专项行动 | n programme name with number
20家以上 | q 20 家 ge
6个 | q 6 个 eq
达40%以上 | q 40 % ge
一号工程 | n name with number
三群九链 | n name with numbers
十亿元以上项目 | n size describing a thing (project class)
不少于5个 | q 5 个 ge
百亿元以上项目 | n size describing a thing (project class)
1—2个 | q 1 个 range max=2
增长10%以上 | q 10 % ge
四争 | n name with number
120亿元以上 | q 120e8 元 ge
亿元以上项目 | n size describing a thing (project class)
180个以上 | q 180 个 ge
1000亿元左右 | q 1000e8 元 approx
增长10%左右 | q 10 % approx
外资三年外贸五年倍增计划 | n programme name with numbers
增长10%左右 | q 10 % approx
百强 | n rank-like name
百强 | n rank-like name
达45% | q 45 % eq
一园一策 | n slogan
2000亩 | q 2000 亩 eq
达100亿元以上 | q 100e8 元 ge
突破1200亿元 | q 1200e8 元 gt
四创 | n name with number
四链 | n name with number
30家以上 | q 30 家 ge
10个以上 | q 10 个 ge
20项 | q 20 项 eq
百企科技展翅行动 | n programme name with number
30家以上 | q 30 家 ge
3家以上 | q 3 家 ge
200家以上 | q 200 家 ge
25家 | q 25 家 eq
3家 | q 3 家 eq
5个以上 | q 5 个 ge
30个以上 | q 30 个 ge
达到1.9%以上 | q 1.9 % ge
1500名 | q 1500 名 eq
15名 | q 15 名 eq
30个以上 | q 30 个 ge
30名 | q 30 名 eq
双轨制 | n name with number
30个以上 | q 30 个 ge
三项制度 | n name with number
15%以上 | q 15 % ge
3A级 | n grade in a name
六权 | n name with number
二级市场 | n set phrase
一带一路 | n name with number
一单制 | n name with number
10个 | q 10 个 eq
第一方阵 | n rank
五专一礼遇 | n name with numbers
十大行动 | n programme name with number
4家 | q 4 家 eq
2家 | q 2 家 eq
四水四定 | n name with numbers
稳定在50% | q 50 % eq
1000个以上 | q 1000 个 ge
PM2.5 | n number inside a name
达到84%以上 | q 84 % ge
一张图 | n name with number
稳定II类 | n water-quality class (category, not a quantity)
达到100% | q 100 % eq
达75%以上 | q 75 % ge
50%以上 | q 50 % ge
'''
