/**
 * Word lists for the corpus generator: names of people, places, organisations, fields of work, facilities
 * and the stock phrases of university and hospital press releases. Plausible, varied, and mostly fictional;
 * real city names are used as cities, never with real facts attached.
 */

/** Splits a comma- or newline-separated list. */
function list(text: string): readonly string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export const CN_SURNAMES = list(`
  Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, He, Gao, Lin,
  Luo, Zheng, Liang, Xie, Song, Tang, Han, Feng, Deng, Cao, Peng, Zeng, Xiao, Tian, Dong, Yuan, Pan,
  Yu, Jiang, Cai, Jia, Ding, Wei, Xue, Ye, Yan, Lu, Du, Dai, Xia, Zhong, Fu, Shen, Qian, Ren, Yao, Jin,
  Cui, Kong, Bai, Mao, Qiu, Qin, Gu, Hou, Shao, Meng, Long, Wan, Duan, Lei, Tan, Fan, Shi, Zou, Xiong,
  Jiao, Hao, Kang, Mo, Wen, Chang, Fang, Ouyang, Situ, Zhuang
`);

/** First syllables of two-syllable given names (and single-syllable given names on their own). */
export const CN_GIVEN_FIRST = list(`
  Xiao, Jian, Wei, Hong, Guo, Zhi, Yue, Chun, Xing, Song, Hui, Jin, Yu, Dong, Xue, Ming, Li, Hai, Jun,
  Zhen, Qing, Wen, Xin, Shu, Ya, Hao, Yi, Bao, Jia, Rui, Lan, Mei, Yan, Zi, Tian, Kai, Cheng, Ai, Yong,
  Fang, Ling, Hua, Sheng, Peng, Lei, Feng, Jie, Shao, Chao, Run
`);
export const CN_GIVEN_SECOND = list(`
  dong, ming, ping, qiang, lin, feng, hai, rong, yong, cheng, tao, hua, jun, xiong, qin, wen, bo, yan,
  jie, fang, hong, li, na, ning, peng, yu, yi, lei, xin, hui, juan, min, gang, bin, chao, kai, long,
  sheng, rui, zhen, xia, ying, han, mei, lu, ke, an, wei, qi, song
`);
export const CN_GIVEN_SINGLE = list(`
  Ping, Ning, Tao, Han, Wen, Lei, Bin, Gang, Hua, Jie, Min, Yan, Li, Qiang, Hong, Ying, Fang,
  Jing, Bo, Kai, Xin, Yi, Rui, Dan, Lin, Chao, Peng, Wei, Hao
`);

export const WEST_FIRST_FEMALE = list(`
  Jenny, Sarah, Emma, Olivia, Charlotte, Rebecca, Helen, Catherine, Margaret, Susan, Rachel, Laura,
  Fiona, Claire, Natalie, Hannah, Alison, Megan, Joanna, Kate, Lucy, Amanda, Michelle, Patricia,
  Elizabeth, Ruth, Deborah, Karen, Nicole, Samantha, Priya, Aisha, Maria, Sofia, Ingrid, Marta
`);
export const WEST_FIRST_MALE = list(`
  Thomas, James, David, Michael, Richard, Andrew, Peter, Mark, Simon, Stephen, Paul, Robert, John,
  William, Christopher, Daniel, Matthew, Jonathan, Ian, Graham, Neil, Martin, Gareth, Alistair,
  Brendan, Kevin, Raj, Omar, Luca, Pierre, Tom, Adrian, Colin, Hamish, Derek, Nigel
`);
export const WEST_SURNAMES = list(`
  Watling, Hughes, Mitchell, Turner, Harrison, Campbell, Fletcher, Whitfield, Bennett, Caldwell,
  Ashworth, Pemberton, Morrison, Gallagher, Sutherland, Okafor, Patel, Reynolds, Donnelly, Kowalski,
  Lindqvist, Moreau, Rossi, Brennan, Hartley, Thornton, Fairbairn, Blackwood, Sinclair, McAllister,
  Henderson, Radcliffe, Holloway, Carrington, Ellison, Prescott, Whitaker, Lockhart, Delaney,
  Abernethy, Chandler, O'Connell, Nakamura, Singh, Andersen, Fitzgerald, Langley, Marsh, Yates, Quinn
`);
export const DE_FIRST_FEMALE = list(`
  Anna, Katharina, Julia, Sabine, Ulrike, Claudia, Monika, Birgit, Petra, Franziska, Heike, Silke
`);
export const DE_FIRST_MALE = list(`
  Klaus, Jürgen, Stefan, Matthias, Andreas, Wolfgang, Markus, Tobias, Florian, Dieter, Bernd, Jan
`);
export const DE_SURNAMES = list(`
  Becker, Hoffmann, Schneider, Fischer, Wagner, Schulz, Krüger, Braun, Zimmermann, Hartmann, Lange,
  Vogel, Keller, Richter, Wolf, Neumann, Schröder, Bauer, Lehmann, Kaiser
`);

export const CN_CITIES = list(`
  Shanghai, Beijing, Nanjing, Hangzhou, Suzhou, Wuhan, Chengdu, Xi'an, Harbin, Tianjin, Chongqing,
  Guangzhou, Shenzhen, Xiamen, Fuzhou, Jinan, Qingdao, Dalian, Shenyang, Changsha, Hefei, Kunming,
  Nanchang, Zhengzhou, Lanzhou, Ningbo, Wuxi, Changzhou, Wenzhou, Guiyang, Nanning, Taiyuan, Haikou,
  Zhuhai, Yangzhou, Xuzhou, Shaoxing, Yantai
`);
export const CN_PROVINCES = list(`
  Zhejiang, Jiangsu, Anhui, Fujian, Shandong, Hubei, Hunan, Sichuan, Guangdong, Yunnan, Shaanxi, Henan,
  Hebei, Jilin, Liaoning, Heilongjiang, Jiangxi, Gansu, Hainan, Guizhou
`);
/** Syllables for pinyin place and hospital names: "Qing" + "pu", "Gong" + "li". */
export const PINYIN_A = list(`
  Qing, Min, Jia, Song, Bao, Feng, Jin, Chang, Xu, Yang, Hong, Huang, Lin, Long, Tai, An, Fu, Xin, Hui,
  Nan, Dong, Bei, Gong, Ren, Rui, Zhong, Hua, Tong, Shu, Yue, Kang, Heng, Ming, Guang, Tian, Jing, De,
  Shen, Li, Hai, Wan, Yong, Zhen
`);
export const PINYIN_B = list(`
  pu, hang, ding, jiang, shan, xian, hui, ning, kou, tuo, zhou, yang, men, qiao, hu, ling, tan, cheng,
  he, ze, yuan, li, ji, jin, hua, guang, de, ren, kang, an, ming, xin, tai, qing, hai, wei, da, sheng,
  feng
`);

export const UK_TOWNS = list(`
  Eastbridge, Ashford, Kingsbury, Wexmoor, Harrowgate, Lindfield, Bramwell, Northam, Westcliffe,
  Stanmore, Redbourne, Calderbrook, Hollingford, Mereworth, Fenwick, Alderley, Leicester, Plymouth,
  Dundee, Swansea, Exeter, Aberdeen, Lancaster, Portsmouth, Stirling
`);
export const US_PLACES = list(`
  Ohio, Oregon, Arizona, Kansas, Iowa, Nevada, Utah, Vermont, Delaware, Nebraska, Montana, Idaho,
  Maine, Wyoming, Kentucky, Missouri, Connecticut, Tennessee, Minnesota
`);
export const US_TOWNS = list(`
  Springfield, Riverside, Fairview, Lakewood, Oak Ridge, Clearwater, Brookfield, Greenville, Madison,
  Ann Arbor, Boulder, Cedar Falls, Evanston, Ithaca, Bloomington, Durham
`);
export const AU_PLACES = list(`
  Newcastle, Wollongong, Adelaide, Perth, Hobart, Darwin, Geelong, Townsville, Canberra, Brisbane,
  Ballarat, Toowoomba, Bendigo, Cairns, Launceston, Sunshine Coast
`);
export const DE_CITIES = list(`
  Kernstadt, Freiburg, Heidelberg, Leipzig, Dresden, Bremen, Kassel, Ulm, Jena, Mainz, Bonn, Aachen,
  Münster, Göttingen, Würzburg, Rostock, Erlangen, Tübingen, Regensburg
`);
/** "City: Country" pairs for universities outside China, Britain, America, Australia and Germany. */
export const OTHER_PLACES = list(`
  Lyon: France, Grenoble: France, Leiden: the Netherlands, Eindhoven: the Netherlands, Uppsala: Sweden,
  Aarhus: Denmark, Turku: Finland, Bologna: Italy, Padua: Italy, Osaka: Japan, Tohoku: Japan,
  Busan: South Korea, Daejeon: South Korea, Waterloo: Canada, Calgary: Canada, Otago: New Zealand,
  Canterbury: New Zealand, Kuala Lumpur: Malaysia, Chiang Mai: Thailand, Leuven: Belgium,
  Porto: Portugal
`).map((entry) => entry.split(': ') as [string, string]);

/** Company brand words: pinyin brands and English-sounding ones. */
export const BRANDS = list(`
  Liwei, Kangda, Huaxin, Mingde, Ruikang, Tianyi, Zhongke, Hengrui, Jiahe, Xinmai, Heal Force,
  Bluestone, Northwind, Helix, Veritas, Meridian, Brightwater, Kestrel, Lumen, Oakleaf, Silverline,
  Quantex, Novacor, Sanova, Medtrix, Aurora, Pinnacle, Crescent
`);
export const INDUSTRIES = list(`
  Medical Technology, Bio-Meditech, Intelligent Equipment, Pharmaceutical, Biotechnology,
  Digital Health, Medical Devices, New Materials, Information Technology, Robotics, Diagnostics,
  Imaging Systems, Health Data, Precision Instruments, Rehabilitation Technology
`);

/** Fields of work, lowercase as they appear inside sentences. */
export const FIELDS = list(`
  medical engineering, rehabilitation robotics, precision medicine, intelligent manufacturing,
  biomedical optics, cardiovascular imaging, AI-assisted diagnosis, brain-computer interfaces,
  traditional Chinese medicine, environmental engineering, marine science, materials science,
  public health, nursing education, medical imaging, minimally invasive surgery, gene therapy,
  digital health, smart healthcare, biomaterials, clinical pharmacology, health data science,
  elderly care, sports medicine, infectious disease control, oncology, medical robotics,
  wearable sensors, energy storage, new energy vehicles, integrated circuits, food safety,
  optical engineering, mental health, paediatric care, emergency medicine, ophthalmology,
  dental medicine, regenerative medicine, radiotherapy physics, carbon neutrality, urban planning,
  financial technology, logistics engineering, photonics, medical device regulation, bioinformatics,
  tissue engineering, hospital management, telemedicine
`);

/** Names of departments of a hospital. */
export const DEPARTMENTS = list(`
  Cardiology, Orthopaedics, Neurology, Radiology, Oncology, Ophthalmology, Rehabilitation Medicine,
  General Surgery, Respiratory Medicine, Endocrinology, Paediatrics, Emergency Medicine, Nephrology
`);

export const FACILITY_KINDS = list(`
  Innovation Center, Innovation Centre, Joint Laboratory, Research Institute, Technology Institute,
  Clinical Research Center, Engineering Research Center, Translational Medicine Center,
  Research Centre, Training Base, Collaborative Innovation Platform, Key Laboratory,
  Demonstration Base, Academy
`);

export const PROGRAM_KINDS = list(`
  Dual Degree Programme, Joint Training Program, Summer School, Talent Training Program,
  Visiting Scholar Program, Joint PhD Programme, Innovation Challenge, Community Health Program
`);

export const VENUES_CN = list(`
  the auditorium of {org}, the VIP room on the second floor of the Grand Hall of {org},
  the conference room of the administration building, the academic exchange center of {org},
  the lecture hall of the library, the multi-function hall of {org},
  the International Conference Center, the meeting room on the 12th floor of the outpatient building,
  the Science and Technology Building
`);
export const VENUES_WEST = list(`
  the Great Hall, the Vice-Chancellor's Suite, the Senate Room, the Council Chamber, the Atrium,
  the Medical School Building, the Innovation Hub, the university library, the Alumni Centre
`);

export const JOURNALS = list(`
  Nature Communications, The Lancet Digital Health, Science Advances, PLOS Medicine, BMJ Open,
  Advanced Materials, JAMA Network Open, Cell Reports, Scientific Reports,
  IEEE Transactions on Medical Imaging, Journal of Clinical Investigation, eLife, Nano Letters,
  Annals of Biomedical Engineering
`);
export const FUNDERS = list(`
  the National Natural Science Foundation of China, the Medical Research Council, the Wellcome Trust,
  the National Institutes of Health, the Australian Research Council,
  the German Research Foundation (DFG), the European Research Council,
  the National Key R&D Program of China, the Shanghai Municipal Health Commission,
  the National Health and Medical Research Council,
  the Engineering and Physical Sciences Research Council
`);
export const CONFERENCES = list(`
  World Congress on Medical Physics, International Conference on Biomedical Engineering,
  Asia-Pacific Digital Health Forum, European Congress of Radiology, Global Summit on Smart Hospitals,
  China International Industry Fair, Annual Meeting of the Society for Neuroscience,
  World Health Innovation Forum
`);

/** Abstract nouns that make up the filler of speeches. */
export const VALUES = list(`
  complementary advantages, resource sharing, mutual benefit, win-win cooperation,
  high-quality development, talent cultivation, scientific research, clinical practice,
  the transformation of scientific achievements, interdisciplinary integration, social service,
  international exchange, innovation-driven development, the integration of industry and education
`);

export const PLACES_VISITED = list(`
  the 5G+AI Innovation Laboratory, the Institute of Pharmaceutical Frontier Technology,
  the A320 Flight Simulator Center, the university history museum,
  the Smart Ward demonstration unit, the Biomedical Engineering Experimental Center,
  the robotic surgery training room, the Optical Precision Instrument Laboratory,
  the Lakeside Ecological Park, the new outpatient building, the Medical Device Testing Center,
  the Digital Pathology Platform, the campus innovation park,
  the National Engineering Laboratory for Medical Imaging, the Proton Therapy Center
`);
