rel='gwr-city/2024_泸州_government-work-report.txt'
ranges=[[47,2595],[7141,11993]]
spec='''
2023年工作回顾 | n year in heading
二十大 | n congress number
三年新冠 | n past period
二十大 | n congress number
一体两翼 | n slogan
前三季度 | n period
1995.5亿元 | n past statistic
增长5.3% | n past statistic
第6位 | n rank
173.1亿元 | n past statistic
增长6.2% | n past statistic
第3位 | n rank
8.7% | n past statistic
1—11月 | n period
增长4.1% | n past statistic
增长1.7% | n past statistic
增长5.7% | n past statistic
1—11月 | n period
增长15.9% | n past statistic
第2位 | n rank
增长22.3% | n past statistic
第4位 | n rank
全年有望突破200亿元 | n estimate of the year under review
增长117.9% | n past statistic
将迈上千亿台阶 | n estimate of the year under review
一体两翼 | n slogan
第五批 | n ordinal
百强区 | n rank-like name
2023中国地级市品牌评价综合影响力指数 | n number inside a name
第35位 | n rank
第二批 | n ordinal
100万亩 | n size describing a thing (name of a programme)
百强县 | n rank-like name
7年 | n past duration
76项 | n past statistic
4项 | n past statistic
8项 | n past statistic
第二批 | n ordinal
突破1200家 | n past statistic
突破800亿元 | n past statistic
营商环境10条 | n policy name with number
酒业10+13条 | n policy name with number
民营经济1+1政策 | n policy name with number
[1] | n footnote marker
8个月 | n past statistic (duration)
中国企业500强 | n name with number (ranking list)
2023四⏎川民营企业100强 | n name with number (ranking list)
[2] | n footnote marker
665户 | n past statistic
39万户 | n past statistic
2023年 | n date
141亿元 | n past statistic
37个 | n past statistic
324个 | n past statistic
预计完成投资370亿元 | n estimate of the year under review
1115亿元 | n estimate of the year under review
300余场次 | n past statistic
3000余万元 | n past statistic
超6亿元 | n past statistic
8个 | n past statistic
12条 | n past statistic
第十八届 | n ordinal
第二届 | n ordinal
第十届 | n ordinal
10余场 | n past statistic
198⏎个 | n past statistic
三类500强 | n name with number
[3] | n footnote marker
5个 | n past statistic
18家 | n past statistic
6050万美元 | n past statistic
连续三年 | n past period
百日攻坚 | n campaign name with number
六大 | n programme name with number
一期 | n phase number in a name
28个 | n past statistic
120余家 | n past statistic
一期 | n phase number in a name
29.1万亩 | n past statistic
预计完成粮食产量238.8万吨 | n estimate of the year under review
422万头 | n estimate of the year under review
全省第一 | n rank
@auto past statistic
@next
2024年 | n date
高于全省0.5个百分点左右 | q 0.5 个百分点 approx
3.7万人 | q 3.7e4 人 eq
控制在103左右 | q 103 '' approx
稳定在238万吨以上 | q 238e4 吨 ge
完成300亿元以上 | q 300e8 元 ge
1000亿元以上 | q 1000e8 元 ge
不低于5% | q 5 % ge
增发万亿国债 | n national measure named by its size (not set by the speaker)
三类500强 | n name with number
三张清单 | n slogan
四千精神 | n slogan
[17] | n footnote marker
突破200个 | q 200 个 gt
10亿元以上制造业项目 | n size describing a thing (project class)
不少于10个 | q 10 个 ge
两个毫不动摇 | n slogan
[18] | n footnote marker
万人帮万企 | n campaign name with number
三段式 | n name with number
[19] | n footnote marker
综合查一次 | n name with number
[20] | n footnote marker
两个健康 | n slogan
[21] | n footnote marker
三品战略 | n programme name with number
[22] | n footnote marker
保持两位数以上增长 | q 10 % ge # 两位数 = at least 10%
[23] | n footnote marker
四⏎主六副 | n name with number
[24] | n footnote marker
一刻钟便民生活圈 | n programme name with number
[25] | n footnote marker
增长12%以上 | q 12 % ge
房地产14条 | n policy name with number
4A级 | n grade in a name
29.4万亩 | q 29.4e4 亩 eq
400万头以上 | q 400e4 头 ge
4个 | q 4 个 eq
10个以上 | q 10 个 ge
3个以上 | q 3 个 ge
[26] | n footnote marker
达1.2% | q 1.2 % eq
三年行动 | n programme name with number
30家 | q 30 家 eq
850亿元以上 | q 850e8 元 ge
8家 | q 8 家 eq
100个以上 | q 100 个 ge
35亿元以上 | q 35e8 元 ge
三年行动计划 | n programme name with number
200家 | q 200 家 eq
亩均论英雄 | n name
[27] | n footnote marker
千亿级 | n size describing a thing (industry class)
百亿级 | n size describing a thing (industry class)
百强县 | n rank-like name
70个以上 | q 70 个 ge
千万工程 | n programme name with number
[28] | n footnote marker
一圈一带两片 | n name with numbers
[29] | n footnote marker
万企兴万村 | n campaign name with number
[30] | n footnote marker
增长6%以上 | q 6 % ge
17个 | q 17 个 eq
30个 | q 30 个 eq
200公里以上 | q 200 公里 ge
一期二步工程 | n phase number in a name
三产融合 | n set phrase
百强中心镇 | n rank-like name
三资合力 | n campaign name with number
[31] | n footnote marker
[32] | n footnote marker
S317 | n number inside a name (road)
三级甲等 | n grade in a name
[33] | n footnote marker
三级物流 | n set phrase (levels)
长江五桥 | n number inside a name
二段 | n number inside a name
一期 | n phase number in a name
120个以上 | q 120 个 ge
40公顷 | q 40 公顷 eq
二期 | n phase number in a name
一期 | n phase number in a name
900公里 | q 900 公里 eq
600公里以上 | q 600 公里 ge
15平方公里 | q 15 平方公里 eq
达30%以上 | q 30 % ge
一网统管 | n name with number
[34] | n footnote marker
第九次 | n ordinal
'''
