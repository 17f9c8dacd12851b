rel='gwr-city/2024_深圳_government-work-report.txt'
ranges=[[58,2570],[11652,15835]]
spec='''
二十大 | n congress number
三年新冠 | n past period
二十大和二十届二中全会 | n congress numbers
省委十三届三次、四次全会 | n ordinal (plenary sessions)
1310 | n name with number
市委七届六次、七次、八⏎次全会 | n ordinal (plenary sessions)
十大计划 | n programme name with number
市七届人大四次会议 | n ordinal (congress session)
近万亿元 | n past statistic
连续31年居内地城市首位 | n rank
连续2年 | n past period
双第一 | n rank
居全国城市第二 | n rank
两项 | n past statistic
十大科技进展 | n name with number (list)
连续20年居全国城市首位 | n rank
连续4年排名全球第二 | n rank
累计40条 | n past statistic
累计88项 | n past statistic
二三产业 | n name with numbers
增长2.0倍 | n past statistic
居超大城市首位 | n rank
8号线 | n number inside a name (line)
突破1000万人次 | n past statistic
五期工程 | n phase number in a name
“9·7” | n event name with number
九大类民生支出 | n past statistic (category count)
十大民生实事 | n name with number
市第二儿童医院 | n number inside a name
“20条” | n policy name with number
“20条” | n policy name with number
“33条” | n policy name with number
两级 | n set phrase
“21条” | n policy name with number
首届 | n ordinal
一带一路 | n name with number
新三样 | n name with number
10亿元以上项目 | n size describing a thing (project class)
双千亿 | n past statistic
20+8 | n name with numbers
7个 | n past statistic
两位数增长 | n past statistic
“18条” | n policy name with number
二期 | n phase number in a name
“20条” | n policy name with number
@auto past statistic
@next
增长5.5% | q 5.5 % eq
增长10.0% | q 10 % eq
增长7.0% | q 7 % eq
增长5.5% | q 5.5 % eq
增长1.0% | q 1 % eq
十个方面 | n count of items of the text
第二批 | n ordinal
80条 | q 80 条 eq
四医联动 | n name with number
6+6 | n name with numbers
50家 | q 50 家 eq
30万平方米以上 | q 30e4 平方米 ge
10个以上 | q 10 个 ge
20个以上 | q 20 个 ge
1+4 | n name with numbers
一带一路 | n name with number
八项行动 | n programme name with number
达1400亿美元 | q 1400e8 美元 eq
达600亿美元 | q 600e8 美元 eq
超3000亿元 | q 3000e8 元 gt
20万平方米 | q 20e4 平方米 eq
五大⏎交易平台 | n name with number (referential)
年前海 | n not a deadline: 全年 + place name 前海
1500亿元 | q 1500e8 元 eq
800亿元 | q 800e8 元 eq
100亿元 | q 100e8 元 eq
30亿元 | q 30e8 元 eq
20亿元以上 | q 20e8 元 ge
技改18条 | n policy name with number
5G | n number inside a name
2个以上 | q 2 个 ge
5家以上 | q 5 家 ge
5G | n number inside a name
100个 | q 100 个 eq
20家以上 | q 20 家 ge
5个以上 | q 5 个 ge
超1200万平方米 | q 1200e4 平方米 gt
20+8 | n name with numbers
2.0版 | n version number in a name
超1.5万亿元 | q 1.5e12 元 gt
增长7.0%以上 | q 7 % ge
12英寸 | n size describing a thing
2个以上 | q 2 个 ge
百亿元级 | n size describing a thing (project class)
增长15.0%以上 | q 15 % ge
25个 | q 25 个 eq
10个 | q 10 个 eq
20个 | q 20 个 eq
100个以上 | q 100 个 ge
3平方公里 | q 3 平方公里 eq
2.5平方公里 | q 2.5 平方公里 eq
1000万平方米 | q 1000e4 平方米 eq
第五次 | n ordinal
2500家 | q 2500 家 eq
1000家 | q 1000 家 eq
150家 | q 150 家 eq
20家 | q 20 家 eq
四个体系 | n name with number
14个 | q 14 个 eq
前1% | n rank
百万学位建设计划 | n programme name with number
15个 | q 15 个 eq
130所 | q 130 所 eq
17万个 | q 17e4 个 eq
五育并举 | n slogan
双减 | n name with number
每天一节体育课 | q 1 节 eq per=每天 # frequency set as policy, though quoted as a slogan
'''
