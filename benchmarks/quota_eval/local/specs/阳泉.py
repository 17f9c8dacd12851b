rel='gwr-city/2024_阳泉_government-work-report.txt'
ranges=[[10088,10230]]
spec='''
二级节点 | n grade in a name
3户以上 | q 3 户 ge
双碳 | n name with number
年底前 | d 年底
1.5亿千瓦时以上 | q 1.5e8 千瓦时 ge
首批 | n ordinal
'''
