#!/usr/bin/env python3
"""Builds the name dictionaries under rules/dict/ from public, licence-compatible sources.

Sources (downloaded from PyPI with pip; see rules/dict/README.md for licences):
  - indian-names 0.3 (BSD-3-Clause): first.male.names, first.female.names, last.names
  - gender-guesser 0.4.0, data file nam_dict.txt (GNU FDL): first names with a frequency
    for "India/Sri Lanka" (column 80); every name with a frequency there is taken; and names
    with a frequency for "Arabia/Persia" (column 77, the Arabic and Persian names of Indian
    Muslims: Imran, Fatima, Irfan) that are not English words (`said`, `may`, `slim`).
  - Faker 40.63.0 (MIT, (c) Daniele Faraglio and contributors): the en_IN person provider's
    first and last names (modern given names, `aarav`, `aadhya`, and surnames of every region,
    `bhalla`, `chacko`, `kalita`), minus names that are English words (`date`, `doctor`,
    `bail`: a capitalised English word mid-sentence would be taken for a name); and the hi_IN
    provider's names as Hindi writes them (पटेल, मेहता, श्रीवास्तव: the rule-based spellings of
    indic_names.py miss retroflex letters and conjuncts), minus names that are common Hindi
    words unless listed in HI_NAMES_COMMON_WORDS.
  - COMMON_SURNAMES and EXTRA_GIVEN below, written by hand.

A deterministic 15% of each list (by a hash of the name) is written to testdata/names/ as the
held-out part. The dictionaries ship every name; tests and scripts/eval_names.py run parda with
`--without-names testdata/names/heldout_*` so that they measure detection on names parda has
never seen.

The Indic-script lists (given_names_indic.txt, surnames_indic.txt) are the same names written
in nine scripts by indic_names.py (rule-based transliteration, no network); the held-out part is
written to testdata/names/heldout_*_indic.tsv (script, spelling, romanised name), minus any
spelling that a kept name also has (so that leaving them out leaves exactly the kept names).

The English word list (english_words.txt) is every lower-case word of three or more letters in
SCOWL's American and British lists as Debian packages them (wamerican, wbritish). Names that are
also English words (`more`, `deep`, `ram`) stay in both lists: the name finder treats them as
ambiguous.

The common-word list (common_words_indic.txt) is every Devanagari, Bengali and Tamil word of
wordfreq's Hindi, Bengali and Tamil frequency lists (words of running text seen at least once
a million words; CC-BY-SA 4.0, Robyn Speer and contributors) that is no name of the kept part
of the name lists: a run of such words is a sentence, not a person. Held-out names stay in it
when wordfreq has them, so measuring on held-out names does not profit from the name lists.

Usage: scripts/build_dicts.py             (needs pip and network access to PyPI)
       scripts/build_dicts.py --indic     (only the Indic lists, from the Latin ones in the repo)
       scripts/build_dicts.py --english   (only english_words.txt; apt-get install wamerican wbritish)
       scripts/build_dicts.py --common    (only common_words_indic.txt; pip install msgpack)
"""
import hashlib, os, subprocess, sys, tempfile, unicodedata, zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# Words that are also names in the sources but are common in municipal records as words.
NOT_NAMES = set("""
a an and are as at be by for from in is it of on or the to with
ward road nagar colony street lane gali mohalla market bazar bazaar chowk marg park vihar
paid pending partial tax water demand notice receipt amount total due bill office officer
city town village district state india bank branch account house flat plot door block sector
new old near opp behind main north south east west central union
will may june august april mark rose hope joy grace faith star king queen major general
malik naam pita pati patni putra dena kara wali
""".split())

# Hindi words that are also given names but are common words in remarks (worship, lamp, hope,
# victory, peace, love, ray, sun, lotus, sea), and spellings of other names that are common words
# (made, thousand, air, same, outside, officer; Bengali 'they', 'in mind', 'ten'; Tamil 'in it',
# 'use'), found by measuring the lists against word frequencies of running text; the context
# rules still find them as names.
NOT_NAMES_INDIC = set("""
पूजा दीपक आशा विजय शांति प्रेम किरण सूरज कमल सागर अमर राजा रानी गीता माया सेवा धन लाल नगर
बना हजार कमी सारा बयान समान हवा सजा असम जीना असल लंबा सदी महा बनो इज्जत बहार सलाम कमर धार
মনে এমন সারা নদীর সমান দশ তলা ধার அதில் இந்தத் பயன் பயம் பலன்
भारत जाना बाहर शादी अधिकारी काला धारा सलाह माने मानो मारी पारी बादल माला समानता भावना साधना पावर
सनातन मानी तारा তারা মানে কারন জানা ধারা মর্যাদা ভাবনা সাজা জামিন প্রত্যাশা তালা অধিকারী
காலில் நாவல் கோலம் குலம் நிஜம் காரம் பிரஸ் அவா தலா
నీరు ನೀರು
ਮਾਲਿਕ માલિક ମାଲିକ మాలిక్ ಮಾಲಿಕ್ മാലിക്
""".split())

# Common Indian surnames across regions and communities, written by hand from public knowledge
# (the surname source above has 350 names and few Muslim, Bengali, Punjabi, South Indian or
# Christian surnames). Held out by the same hash as the rest.
COMMON_SURNAMES = set("""
mitra lepcha sangma tamang gurung bhutia rai sherpa marak lyngdoh kharkongor syiem hmar sailo
ralte pachuau lalremsiama khongwir nongrum dkhar shylla chettri chhetri limbu subba lama
abbasi acharya adhikari agarwal aggarwal agrawal ahamed ahluwalia ahmad ahmed ahuja aiyar ali alvi
ambedkar ansari antony arora asthana athavale awasthi azmi bagchi baghel bahl bajaj bajpai baksh
bakshi balan banerjee bansal barman barua baruah basu bedi bhagat bhandari bhardwaj bharadwaj
bhargava bhasin bhat bhatia bhatnagar bhatt bhattacharjee bhattacharya bhowmick bhuyan bisht
biswas bora bose brahma brar chadha chakraborty chakravarty chand chandel chandra chatterjee
chaturvedi chaudhary chaudhuri chauhan chawla cheema chettiar chopra choudhary choudhury chowdhury
dalal dalvi dandekar dangi das dasgupta dash datta dave deka deo deol desai deshmukh deshpande dev
dey dhaliwal dhar dhillon dhingra dikshit dixit dube dubey dutta dwivedi farooqui fernandes
gaikwad gandhi ganguly garg gaur gautam ghosh gill giri goel gogoi gokhale gowda goswami goyal
grewal guha gupta haldar handa haque hashmi hazarika hegde hooda hussain hussaini iqbal iyengar
iyer jadhav jain jaiswal jakhar jha johar joshi juneja kadam kakkar kalra kamath kamble kanojia
kapoor kapur karmakar kashyap kataria katiyar kaul kaur khan khandelwal khanna kharbanda khatri
khurana kohli kothari krishnan kulkarni kumar kurup kushwaha lal lamba lobo luthra madan mahajan
mahato mahto maitra malhotra mallick mandal mane mathew mathur maurya mehra mehta menon mirza
mishra misra mistry mittal modi mohanty mondal more mukherjee mukhopadhyay murthy nadar nag naidu
nair naik nambiar namboodiri naqvi narang narayan nath negi nishad oberoi ojha padhi pal palekar
pandey pandit panda panicker parekh parikh patel pathak pathan patil patnaik pawar pillai
prajapati prasad purohit qureshi rai raj rajput rana ranade rao rastogi rathore rathod raut rawat
reddy rizvi roy sahni sahu saini saxena sen sengupta seth sethi shaikh shah sharma shastri
shekhawat shetty shinde shukla siddiqui sidhu singh singhal sinha sodhi solanki soni srivastava
subramaniam sundaram suri swain syed tagore talwar tandon thakkar thakur thapa thomas tiwari tomar
trivedi tyagi upadhyay usmani vaidya varghese varma vats verma vyas wadhwa yadav zaidi
""".split())

# Common Indian given names and surnames of every region that no source has (`jitendra`,
# `sahil`, `pintu`, `laxman`; `behera`, `sahoo`, `debnath`, `chavan`, `meghwal`), written by hand
# from public knowledge (2026-12-02); names that are English or Hinglish words are left out.
MORE_GIVEN = set("""
aakash alpesh anup bablu balaji bhavesh biju bittu chandni chetan chintu dharmesh dhiraj
dhirendra firoj gajanan gokul golu guddi guddu haresh jakir jignesh jitender jitendra karishma
kishor laxman lokesh mayur murari nagaraj niraj pappu paresh payel pinki pintu pradip pratik
pravin pushpendra radheshyam raghvendra rinku riyaz sahil sandip sanju santhosh sathish shahrukh
sourav srikanth swathi vikash zakir
""".split())
MORE_SURNAMES = set("""
adhikary ahirwar baig bairwa barik basumatary behera behra beniwal bhadoria bhambu bhil bhoi
chavan chavda choubey damor darji debbarma debnath deori dhiman gamit gharat godara gohil gurav
hajare hazra hiremath ingale jamwal jangid jatav jena kachhwaha kaswan khatik khatoon khichar
kumawat kurmi kushwah kutty lodha lodhi londhe maity majhi makwana mallik manhas mansuri maravi
meghwal murmu nandi netam panwar parihar patidar patra paul poonia raghuwanshi rathor raza
saharan sahoo saikia salunke samal sapkal sekar selvam sethy shekh sihag sonowal sutradhar
tandel thakor thakre thorat uddin vaghela vasave
""".split())

# More common given names and surnames written by hand from public knowledge (2026-12-03), for
# the regions the lists above cover worst: Maharashtra (`tukaram`, `savitribai`), Karnataka
# (`basavaraj`, `yellamma`), Andhra and Telangana (`venkateswarlu`, `subbamma`), Tamil Nadu
# (`palanisamy`), Kerala (`unnikrishnan`, `thankamma`), Bengal and Odisha (`anirban`,
# `trilochan`), the Adivasi names of Jharkhand and Odisha (`birsa`, `phulmani`; `hembram`,
# `tudu`, `soren`, `oraon`, `kujur`, `toppo`, `ekka`, `tirkey`), Mizoram, Manipur, Nagaland and
# Sikkim (`lalrinpuii`, `ibomcha`, `tenzing`; `ralte`, `ningthoujam`, `longkumer`); none is an
# English or Hinglish word.
MORE_GIVEN_2 = set("""
anirban anjaneyulu annasaheb baburao balakrishnan balasaheb basappa basavaraj bhausaheb bhimrao
birsa budhni budhu budhua chandrakant chandrasekharan channappa chaoba chinnasamy dattatray
dattatraya debabrata debasis dnyaneshwar dolma eknath etwa etwari gangamma gopalakrishnan hanumanth
hanumantha haribhau huchamma ibobi ibomcha ipsita jasoda jayakumar jitu kamlabai kanhu karuppasamy
kunjamma kuttappan lakshmaiah lalhmingliani lalmuanpuia lalnunmawia lalremsiami lalrinawma
lalrinpuii lhamu mallaiah mallappa mallikarjun mangra mangri memcha minati moushumi murugesan
muthusamy namdev narasimhulu nilakantha ningappa nivrutti norbu padmavathi palanisamy pandurang
phagu phulmani ponnamma pradyumna radhakrishnan raghunath ramanamma ramasamy ramulu salkhan sambhaji
sanahanbi sasidharan sasmita sathishkumar savitribai senthilkumar shahnawaz shankarrao shivappa
siddappa sido sindhutai sivaprakasam somari somra sopan sreekumar sreelatha srinivasulu subbamma
subbarayudu sudam sudhakaran sudipto sukanta sukhmani sukra tanaji tarabai tenzing thangamani
thangaraj thangboi thankamma thimmappa tomba trilochan tshering tukaram unnikrishnan vanlalruata
velmurugan venkatamma venkataramana venkateswarlu vitthal wangchuk yadaiah yallappa yamunabai
yellamma yeshwant zothanpuia
""".split())
MORE_SURNAMES_2 = set("""
barla baskey besra bhengra bodra chhangte dorjee dungdung ekka fanai gagrai hansda hansdah haokip
hembram hnamte huidrom imchen jamir kandulna kerketta khiangte khumanthem kindo kipgen kisku konsam
konyak kujur laishram lakra longkumer lotha lugun mardi minz moirangthem ningthoujam oinam oraon
purty renthlei singsit soren surin thangjam tigga tirkey toppo touthang tudu wahengbam xalxo yumnam
zadeng
""".split())

# Given names and surnames still missing (2026-12-03, eleventh session), written by hand from
# public knowledge: Tamil (`senthil`, `selvi`, `saravanan`, `perumal`, `sujatha`), Telugu
# (`venkataiah`, `satyanarayana`), Kannada, Bengali (`abhijit`, `mousumi`, `rituparna`), Punjabi
# (`jaspreet`, `amandeep`) given names; surnames of Bihar and UP (`manjhi`, `rajbhar`), Tamil
# Nadu, coastal Karnataka (`poojary`, `kotian`), Odisha, Assam, Maharashtra and Gujarat, and
# `sheikh`/`shaikh` (an English word too, so Faker's copy was dropped). None is an English or
# Hinglish word but `sheikh` and `gore`. `malik` ("owner" in Hindi remarks, so in NOT_NAMES) is
# added after the filter: one of the commonest surnames, and a context word too
# (name_context.txt), so the name finder never takes it as a lower-case name alone.
MORE_GIVEN_3 = set("""
abhijit abirami amandeep amudha anbu annamalai annapurna arindam ayyappan balasubramanian
basavaraju bhagyalakshmi bharathi bidisha biswanath chandrashekar chellappan chiranjeevi debjani
debnath dhanalakshmi dibyendu dipanwita duraisamy elango ganesan gomathi gopala gourab goutam
govindan gurleen harleen hemalatha ilango indranil jasleen jaspreet jayaraman jhuma jothi joydeep
joydev kalaivani kamakshi kamaljeet kamatchi kanagavalli kannan karthikeyan kasthuri kirandeep
krishnaiah kuljit kumaravel lakshmamma manickam manpreet mariappan monotosh moumita mousumi
muthulakshmi nagammal nagarajan nagarjuna nageswara nandhini narasimha natarajan navjot nilanjan
palaniappan pandiyan pappathi paromita partha parvathi periyasamy perumal piyali ponni poulomi
prabhu prasenjit rajagopal rajalakshmi rajeswari rajib rajpreet ramaiah ramakrishna ramandeep
rambabu revathi rituparna sampa sangeetha sanjib saranya saraswathi saravanan sasikala sathya
satyanarayana sayantani sekar selvam selvi senthil shampa shanmugapriya shanthi shobana
siddaramaiah simranjeet sivagami sivaraman sowmya sraboni sreenivasulu srinu subbaiah subbulakshmi
subramani suganya sujatha sukhjeet sukhpreet sumana sumathi suryanarayana swarupa tamilarasi
tamilselvi tanmoy tanusree tejinder thangavel thenmozhi thilagavathi thirumalai thiyagarajan tumpa
vadivel valli vanitha vasantha vasuki veeraiah veerappan velu venkamma venkataiah vijayalakshmi
vinayagam yadagiri
""".split())
MORE_SURNAMES_3 = set("""
alva aulakh bangera bhaumik bhise bhosale bhowmik biswal bordoloi chudasama devadiga dhole gore
gounder hundal jadeja kang karkera kewat khandare kharat kotian lenka mahapatra manjhi medhi mohite
moily mudaliar naicker namboothiri nikam parida pasi pattnaik phukan poojary rajbhar rajkhowa
routray salian salunkhe senapati sheikh shelke sonawane suvarna talukdar thevar tripathy vanniyar
waghmare warrier zala
""".split())

# Still missing on 2026-12-03 (twelfth session), found by a probe of common names from every
# region: Kannada and Telugu (`shivaraj`, `basavanna`, `nagaraju`), Gujarati with `sinh`/`bhai`/
# `lal` (`pravinsinh`, `rameshbhai`, `jayantilal`), Marathi, Malayalam (`kunjumon`, `sreedevi`,
# `anilkumar`), Mizo (`lalrinmawii`, `zothanpuii`), Meitei, Sikkim and Ladakh (`tsering`,
# `namgyal`, `choden`), Odia (`subhashree`, `bidyadhar`), Adivasi, Kashmiri (`mehraj`,
# `showkat`, `parvaiz`) and Rajasthani (`bhanwarlal`, `mangilal`) given names, and the
# nicknames registers hold (`chhotu`, `pinky`, `lallu`); Meitei, Khasi, Mizo and Bodo
# surnames (`thokchom`, `marbaniang`, `chhakchhuak`, `narzary`). Written by hand from public
# knowledge.
MORE_GIVEN_4 = set("""
bhagyashree ravindranath shivaraj tsering lalrinmawii kunjumon rajashekar shivakumar shivaprasad
shivanand basavanna hanumanthappa nagaraju lingaraj sharanappa ranjitsinh pravinsinh dilipsinh
mahendrasinh bharatsinh vanraj jashvant kanubhai rameshbhai sureshbhai jayantilal chhaganlal
maganlal shantilal babubhai ishwarbhai dadasaheb ramdas vasant laxmikant kunhiraman kunhikannan
sreedevi gopakumar anilkumar sunilkumar bijumon shijo shibu shiju rajeevan muraleedharan
gangadharan lalthlamuana lalbiakzuala zothanpuii lalnunpuii malsawmtluanga laldinpuii thoiba
ibetombi dawa namgyal phuntsok choden pasang lhamo ongmu bijay pradipta subhashree smruti
jyotirmayee sanghamitra bidyadhar duryodhan gobinda bhagaban lakhan bandhan jhano mehraj showkat
parvaiz mudasir fayaz ishfaq aijaz sajad bhanwar bhanwarlal mangilal ramniwas kishanlal ratanlal
gopiram chhotu sohanlal moolchand ghanshyam pinky tinku dablu lallu kallu
""".split())
MORE_SURNAMES_4 = set("""
kharbuli nongthombam khumukcham thokchom ningombam marbaniang lyngkhoi warjri pyngrope
chhakchhuak boro narzary daimary mushahary thampi ingle
""".split())

# Fourteenth session (2026-12-03): a probe of water-connection, birth and trade registers
# left `Mehboob` in a remark; the lists still lacked many Indian Muslim given names in their
# Indian spellings (`mehboob`, `imtiyaz`, `tauseef`, `mehrunnisa`, `zubeda`), the old North
# Indian names of rural registers (`ramkali`, `phoolmati`, `rampyari`, `-wati`, `ram-`
# compounds, `budhram`, `somaru`) and South Indian ones (`muniyamma`, `kempegowda`,
# `yellappa`, `mallesham`, `pechiammal`, `velayudhan`); and surnames (`siddique`, `qazi`,
# `inamdar`, `mujawar`, `tamboli`, `pinjari`). Written by hand from public knowledge.
MORE_GIVEN_5 = set("""
mehboob mahboob mehbooba imtiyaz ishrat tauseef touseef ishtiyaq junaid kalim kaleem yunus
younus mehtab mehrunnisa mehjabeen kausar kauser zeenat zarina sultana sakina haseena jameela
saira bilkis bilquis husna kulsum zubeda zubaida shamshad naushad fareed mujeeb aqeel danish
faizan nizamuddin alauddin moinuddin sadiq feroz firdous shehnaz rubeena sabeena fareeda
hameeda rasheeda nishat tarannum asmat atiya afreen afroz aafreen uzma sania saniya shagufta
gulnar gulafshan nazneen nazma shama yasmeen ruksar rukhsar mariyam fathima zoya alfiya aliya
arshiya ramdulari ramkali phoolmati dhanpati kesar shanno premwati krishnawati ramvati ramwati
rampyari gyanwati bhagwanti jamuna rambai kalawati lachhmi ramsakhi pinku jaggu budhram
sukhram somaru mangru birju jhuri ramavtar ramautar ramkishan ramkishore ramchander shivcharan
shivnath bholanath dinanath baijnath amarnath muniyamma muniswamy chinnaswamy kempamma
kempegowda puttaswamy thimmakka sakamma hanumakka yellappa ramulamma pochamma yadamma mallamma
sailu balamani anjamma narsimha mallesh mallesham komuraiah odelu rajaiah lingaiah pentaiah
chinnamma peddamma muthamma karuppaiah muniyandi pechiammal valliammal chinnathambi rajamma
ammini thankappan kuttan velayudhan achuthan kesavan raghavan sankaran
""".split())
MORE_SURNAMES_5 = set("""
rehman rahman siddique khatun quraishi faruqui jafri kazmi abidi chishti pasha sayyed sayed
kazi qazi khatib inamdar mujawar tamboli bagwan pinjari nadaf mulani
""".split())

# Indian Muslim given names that neither source has.
# Gujarati given names (the sources have few: hansa, hetal, kalpesh, jinal, kantilal), with the
# -ben forms registers write as one word, and more Marathi, Punjabi, Tamil, Telugu, Kannada,
# Bengali, Odia and Assamese names that were still missing, and Indian Christian given names
# (maria, sebastian, lourdes, savio); written by hand from public knowledge, 2026-12-04.
MORE_GIVEN_6 = set("""
hansa jashoda hasmukh kirit nayna dhiren ketan kalpesh sejal jinal foram krupa trupti hetal rupal
bijal hina daxa ramila jasu kantilal ramanlal chimanlal mansukh dhirubhai bhikhabhai manubhai ravji
velji khimji devji lalji premji hirji bhanu gunvant kanu bhavik chintan dhaval hardik jigar maulik
nirav ronak tejas chirag dharmesh mehul nikunj sanket urvish avni binal falguni hemali jagruti kinjal
riddhi siddhi shital tejal zankhana dhwani heena khyati mittal nirali pinal rinkal vidhi yesha bhumika
jayshree kokila induben kantaben shantaben lilaben jasuben manjuben madhuben savitaben
appasaheb nanasaheb vasudev madhukar ashalata sindhu ujwala tatya rambhau ganpat dhondiba laxmibai
godavari sarubai chandrabhaga anusaya vatsala pushplata paramjeet simranjit karuppusamy pandian
thangam kaliammal chellammal jayalakshmi venkata koteswara nagamani hanumappa nagamma channabasappa
sukumar nitai haradhan sanchita rumki mampi pravakar prafulla sabitri bhupen hemanta jyotirmoy
jonali bornali rupjyoti
maria sebastian agnes lourdes philomena rosy stella jacintha clement cyril lawrence felix alphonse
augustine ignatius benedict wilfred gregory jerome savio joaquim caetano agnelo conceicao paul abraham
""".split())

# Gujarati and Marathi surnames the lists above lack (vasava, suthar, gajjar, savaliya, phadke),
# and the Goan and Mangalorean Catholic ones (pereira, rodrigues, furtado, dsouza), written by
# hand from public knowledge, 2026-12-04.
MORE_SURNAMES_6 = set("""
vasava suthar barot kotak dalwadi gajjar kansara lakhani majmudar nanavati bharwad rabari koli
vankar dabhi tadvi rathwa patadiya kachhadiya savaliya vaghasiya dobariya ramani kakadiya gondaliya
sojitra bhalodiya bapat karmarkar phadke wagh bansode gawde gawade dhotre tambe
pereira rodrigues gomes noronha menezes coutinho braganza furtado almeida mascarenhas sequeira colaco
monteiro cardoso dsouza dcosta dsilva dmello dcruz dcunha
""".split())

# Given names of Kerala, Andhra and Telangana, Karnataka, Bengal, Odisha, Assam and Tamil Nadu the
# lists above lack (smitha, anitha, prasanth, dileep, sreeja; sravani, mounika; manjunatha,
# shwetha; sayantan, poulami; subrat, pragyan, nilutpal; kalaiselvi, karpagam), and Kerala's
# Muslim names (noushad, khadeeja), written by hand from public knowledge, 2026-12-04; none is
# in english_words.txt or hinglish_words.txt.
MORE_GIVEN_7 = set("""
abdurahiman aboobacker ahana aindrila ajith aleyamma ambili anbarasan ancy anindita anitha ankamma
annamma antara arnab arulmozhi aswathy athira ayisha ayyanar babitha baiju balaiah balan banita
bappa basavaraja bhabani bhargab bhargavi bibhuti bidyut bincy bindhu binu biplab bishnu bitopan
brundaban buddhadeb chaitra chandrani chandrappa chinna chinnaiah chittaranjan debojyoti debolina
debraj deeksha deepu devaraju dhanya dhruba dhrubajyoti dibakar dileep dillip durgaprasad eswaramma
gitika gopalan gouranga gowramma hanumanthu haridas haritha harshitha hemen himangshu hiranmoy
hiranya honnappa hrudananda huchappa ilavarasi itishree jayamma jayanta jayasree jessy jhumpa jiji
jijo jincy jintu jinu jithin joby jomon jonmoni jugal jyothi jyotiprakash kalaiselvi kankana kanmani
karpagam keerthana keerthi kempaiah khadeeja koushik kshirod kuljeet kunhammed kunhikrishnan
kuppusamy lasya laxmidhar lingaraju lipsa lissy madhusudan mahadeva mahadevappa manab manasa manashi
manaswini manikandan manjunatha mariamma midhun mohanan moideen mounika mridul mridusmita muniammal
muralidhar musthafa nabajyoti nabarun nafeesa nagalakshmi nagaraja nagaveni nanjamma nanjappa
nanjundaswamy nayanmoni neethu nilutpal nishanth nithya nitul noushad nrusingha oindrila pabitra
pallab papori parag paramita pavithra pochaiah poongodi poulami prabir pragyan pranab pranali
prasanna prasant prasanth prashanth preetha prosenjit pullaiah puttamma raghava rajasree rajdeep
rajeesh rajyalakshmi rakshitha ramachandran ramakanta ramappa ramkumar ramu ramya rangappa ratheesh
rathin remya renjini renjith reshmi rituraj ritwik riyas rukhiya ruksana rupam sabira sabu sahithi
saikat sainaba sajeev saji sajith sanchari santanu sarath saravana sarbani sarmistha sasi satheesh
satyabrata satyavathi sayan sayantan selvaraj shaji shamsudheen shankarappa sharadamma sharath
sheeja sherin shinu shivanna shivaraju shrabanti shwetha sibaji sibaram sibi siby siddamma siddaraju
sijo siju simanta sinu sirisha smitha smrutirekha snehal snehasis somu spandana spoorthy srabani
srabanti sravani sreeja sreejesh sreejith sreekala sreekanth sreelekha sreenath sreenivasan sreeraj
sreya sridhar srilatha sruthi subash subbarao subhajit subhrajit subrat sudheesh sudip suhara sujoy
sukanya sumitha sumithra sumon supriyo surendran suvarna swagata swarup tamilarasan tanima tapaswini
tathagata tejaswi tharun thejaswini tintu tinu tirthankar tridip trishna umakanta valarmathi vani
vasanthi venkatalakshmi venkateswara vijayan vineeth yashodha yazhini yellaiah zubeen
""".split())

# Surnames of Kashmir (wani, ganai, zutshi), Kerala (kaimal, pisharody, unnithan, idicula), Andhra
# and Telangana (chowdary, dasari, tummala), coastal Karnataka (kunder, bhandary, adiga), Odisha
# (satpathy), Assam (konwar, mahanta) and Bengal (naskar, roychowdhury) the lists above lack,
# written by hand, 2026-12-04. Left out: words of English (lone, rather) or of office Hindi
# (gunda, amin: a revenue surveyor; sardar; rath: a chariot) that a remark uses as words.
MORE_SURNAMES_7 = set("""
abraham adiga alappatt bhandary bhide bhonsle bhupathi boya choudary chowdary dasari ganai goud gowd
gudla idicula kaimal kallarakkal kamma kartha karve kichloo kommineni konar konwar kunder lele
mahanta marar mendon mir mudiraj naskar padayachi pandita panikkar philip pisharody poduval
puthenpurackal reddiar roychowdhury sarmah satpathy thampan tickoo tummala udayar unnithan upadhya
vadde vallath velama wani zutshi
""".split())

EXTRA_GIVEN = set("""
nazia shabnam tabassum zubair rukhsana shahnaz farzana nargis naseem shaheen shamim afsana firdaus
noorjahan zaheer imtiaz ishaq yusuf yakub ibrahim ismail
tenzin karma pema dorjee dorji tashi sonam lobsang phurba ngawang lalremruata lalthanzuala
zoramthanga lalduhoma
""".split())

# Names of Faker's en_IN provider that are English words rare in municipal records, kept as
# names (the name finder treats a name that is also a word as ambiguous: beside another name,
# `Naveen Gala`, `devika savant`, it is a name). The others (`date`, `doctor`, `tank`, `bath`,
# `master`, `contractor`) stay out.
FAKER_WORD_NAMES = set("""
agate amble bassi chad divan gala kale lad loyal oak pall pant rattan ravel sandal sane savant
sunder warrior yogi peter victor om
""".split())

# Names of Faker's hi_IN provider that wordfreq counts as common Hindi words because they are
# common names (news text is full of them), chosen by hand: the ones that are also everyday
# words (काम work, लाल red, सरकार government, मालिक owner, राय opinion, आशा hope, किरण ray) are
# left out.
HI_NAMES_COMMON_WORDS = set("""
मजूमदार पिल्लई पाण्डेय राव पटेल बनर्जी सिन्हा मेहता चटर्जी भट जेटली सुब्रमण्यम भटनागर भट्टाचार्य
मेनन पाटिल श्रीवास्तव आहूजा नायर रॉय टंडन घोष बोस देशपांडे
देवराज प्रणव मनीषा अमृता सोहेल अरविन्द अरुण महावीर हरीश सिकन्दर कुणाल सुनील आदित्य राजेन्द्र
जगजीत बृजेश अरुणा कालिदास अनुष्का सिद्धार्थ पुरुषोत्तम लीलावती बलदेव सतीश दामोदर दिलीप
मधुकर रामचन्द्र जितेन्द्र अकबर देवदास सरला पुष्पा नरेन्द्र रजनीकांत अनिरुद्ध मालती बलराम
सुशील जयदेव जगदीश परवीन विष्णु सुरेन्द्र रामकृष्ण इन्दिरा लक्ष्मण सुभाष गोपीनाथ जयन्ती रवि
उषा गणेश दीप्ति
""".split())

FAKER = "faker==40.63.0"

def faker_lists(tmp, locale):
    """{name: value} of every literal assigned at the top of a Faker person provider, read from
    the wheel's source."""
    import ast
    wheel = [f for f in os.listdir(tmp) if f.startswith("faker-")][0]
    src = zipfile.ZipFile(os.path.join(tmp, wheel)).read("faker/providers/person/%s/__init__.py" % locale)
    lists = {}

    # A literal, or literals and lists assigned before joined by `+` (bn_BD's
    # `last_names_female_islamic = ("খানম", ...) + last_names_islamic`, left out until 2026-12-07).
    def value(node):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return value(node.left) + value(node.right)
        if isinstance(node, ast.Name) and node.id in lists:
            return lists[node.id]
        return ast.literal_eval(node)

    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                lists[node.targets[0].id] = value(node.value)
            except (ValueError, TypeError):
                pass
    return lists

def faker_names(tmp, locale):
    """(given names, surnames) of a Faker person provider."""
    lists = faker_lists(tmp, locale)
    given = set(lists["first_names_male"]) | set(lists["first_names_female"])
    return given, set(lists["last_names"])

# Faker's person providers that write names in an Indic script of their own (besides hi_IN):
# Gujarati, Marathi, Odia, Tamil and Bengali (bn_BD: the names of Bengal on both sides of the
# border). Their names are added in their own script as they are (2026-12-05).
FAKER_INDIC_LOCALES = ("gu_IN", "mr_IN", "or_IN", "ta_IN", "bn_BD")

def faker_indic_names(tmp):
    """(given names, surnames) of FAKER_INDIC_LOCALES: every word of their first, middle and
    last name lists that is one Indic word."""
    given, surnames = set(), set()
    for locale in FAKER_INDIC_LOCALES:
        for label, value in faker_lists(tmp, locale).items():
            if not label.startswith(("first_names", "middle_names", "last_names")):
                continue
            words = {w for n in value for w in n.split()}
            # (mr_IN writes Devanagari, which indic_word leaves to the hi_IN path: its Marathi
            # spellings, पाटील, कुलकर्णी, देशमुख, were missing until 2026-12-07.)
            script_word = lambda w: indic_word(w) or (locale == "mr_IN" and devanagari_word(w))
            (surnames if label.startswith("last_names") else given).update(w for w in words if script_word(w))
    return given, surnames

def indic_word(w):
    """One word of letters and signs of one Indic script, Bengali to Malayalam."""
    block = ord(w[0]) & ~0x7F
    return (0x0980 <= block <= 0x0D00 and unicodedata.category(w[0]) == "Lo"
            and all(ord(c) & ~0x7F == block or c in "\u200c\u200d" for c in w))

def devanagari_word(w):
    """One Devanagari word starting with a letter (Faker's list has a few starting with a vowel
    sign), an apostrophe allowed inside (`डी’सोउज़ा`, D'Souza)."""
    return (all("\u0900" <= c <= "\u097f" or c in "\u2019'" for c in w)
            and unicodedata.category(w[0]) == "Lo" and unicodedata.category(w[-1]) != "Pf")

def hold_out(name):
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % 100 < 15

def fetch(tmp, spec):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, spec], check=True)

def clean(names):
    out = set()
    for n in names:
        n = n.strip().lower()
        if len(n) >= 3 and n.isascii() and n.isalpha() and n not in NOT_NAMES:
            out.add(n)
    return out

def main():
    english = set(read_list(os.path.join(ROOT, "rules", "dict", "english_words.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp, "indian-names==0.3")
        fetch(tmp, "gender-guesser==0.4.0")
        fetch(tmp, FAKER)
        given, surnames = set(), set()
        faker_given, faker_surnames = faker_names(tmp, "en_IN")
        given |= {n for n in clean(faker_given) if n not in english or n in FAKER_WORD_NAMES}
        surnames |= {n for n in clean(faker_surnames) if n not in english or n in FAKER_WORD_NAMES}
        for f in os.listdir(tmp):
            if f.startswith("faker-"):
                continue
            z = zipfile.ZipFile(os.path.join(tmp, f))
            for member in z.namelist():
                data = z.read(member)
                if member.endswith(("first.male.names", "first.female.names")):
                    given |= clean(data.decode("utf-8").split("\n"))
                elif member.endswith("last.names"):
                    surnames |= clean(data.decode("utf-8").split("\n")[1:])
                elif member.endswith("nam_dict.txt"):
                    for line in data.decode("iso-8859-1").split("\n"):
                        if line.startswith("#") or len(line) < 81:
                            continue
                        name = line[3:29].strip()
                        if "+" in name or " " in name or "-" in name:
                            continue
                        if line[80] not in " $":
                            given |= clean([name])
                        elif line[77] not in " $" and name.lower() not in english:
                            given |= clean([name])
        surnames |= clean(COMMON_SURNAMES) | clean(MORE_SURNAMES) | clean(MORE_SURNAMES_2) | clean(MORE_SURNAMES_3)
        surnames |= clean(MORE_SURNAMES_4) | clean(MORE_SURNAMES_5) | clean(MORE_SURNAMES_6) | clean(MORE_SURNAMES_7)
        surnames.add("malik")
        given |= clean(EXTRA_GIVEN) | clean(MORE_GIVEN) | clean(MORE_GIVEN_2) | clean(MORE_GIVEN_3)
        given |= clean(MORE_GIVEN_4) | clean(MORE_GIVEN_5) | clean(MORE_GIVEN_6) | clean(MORE_GIVEN_7)
    d = os.path.join(ROOT, "rules", "dict")
    t = os.path.join(ROOT, "testdata", "names")
    os.makedirs(d, exist_ok=True); os.makedirs(t, exist_ok=True)
    for label, names in (("given_names", given), ("surnames", surnames)):
        held = sorted(n for n in names if hold_out(n))
        open(os.path.join(d, label + ".txt"), "w").write("\n".join(sorted(names)) + "\n")
        open(os.path.join(t, "heldout_" + label + ".txt"), "w").write("\n".join(held) + "\n")
        print("%s: %d in the dictionary, %d of them held out in tests" % (label, len(names), len(held)))

def read_list(path):
    return [l.strip() for l in open(path, encoding="utf-8") if l.strip()]

def write_indic():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from indic_names import all_scripts, all_spellings, scripts_of
    d = os.path.join(ROOT, "rules", "dict")
    t = os.path.join(ROOT, "testdata", "names")
    # A spelling that is a common word of running text is left out unless the lists already
    # held it (a new name's rule-based spelling can be a word: char -> चार, four).
    common = set(read_list(os.path.join(d, "common_words_indic.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp, FAKER)
        hi_given, hi_surnames = faker_names(tmp, "hi_IN")
        other_given, other_surnames = faker_indic_names(tmp)
    hindi = {"given_names": hi_given, "surnames": hi_surnames}
    other_scripts = {"given_names": other_given, "surnames": other_surnames}
    # Names left out of the lists because they are common words (शशि, the moon; सरकार,
    # government): kept apart in names_common_indic.txt, a name only where a person stands.
    stop = set(read_list(os.path.join(d, "name_stopwords_hi.txt"))) | FUNCTION_WORDS_INDIC | {"अधिकारी"}
    common_names = set()
    for label in ("given_names", "surnames"):
        old = set(read_list(os.path.join(d, label + "_indic.txt")))
        usable = lambda w: w not in NOT_NAMES_INDIC and (w in old or w not in common)
        held = read_list(os.path.join(t, "heldout_" + label + ".txt"))
        kept = sorted(set(read_list(os.path.join(d, label + ".txt"))) - set(held))
        spellings = set()
        for name in kept:
            spellings |= {w for w in all_spellings(name) if usable(w)}
        # Faker's Hindi spellings: never held out (they have no romanised form to plant), and
        # in the other scripts too (पटेल -> પટેલ, the retroflex the rule-based spelling of
        # `patel` lacks), where that spelling is no common word.
        faker_hindi = {w for w in hindi[label] if devanagari_word(w) and (w in HI_NAMES_COMMON_WORDS or usable(w))}
        # A name with an apostrophe is typed with the straight one too.
        faker_hindi |= {w.replace("\u2019", "'") for w in faker_hindi}
        spellings |= faker_hindi
        spellings |= {s for w in faker_hindi for s in scripts_of(w).values() if usable(s)}
        # The names of Faker's other Indic providers, in their own script.
        spellings |= {w for w in other_scripts[label] if usable(w)}
        rows = []
        for name in held:
            for script, w in sorted(all_scripts(name).items()):
                if w not in spellings and usable(w):
                    rows.append("%s\t%s\t%s" % (script, w, name))
        every = set(spellings)
        for name in held:
            every |= {w for w in all_spellings(name) if usable(w)}
        left_out = {w for name in kept for w in all_spellings(name)} | {w for w in hindi[label] if devanagari_word(w)}
        left_out |= other_scripts[label]
        common_names |= {w for w in left_out - every if w in common and w not in stop and len(w) >= 3}
        open(os.path.join(d, label + "_indic.txt"), "w", encoding="utf-8").write(
            "\n".join(sorted(every, key=lambda w: w.encode())) + "\n")
        open(os.path.join(t, "heldout_" + label + "_indic.tsv"), "w", encoding="utf-8").write("\n".join(rows) + "\n")
        print("%s_indic: %d spellings in the dictionary, %d held out in tests" % (label, len(every), len(rows)))
    open(os.path.join(d, "names_common_indic.txt"), "w", encoding="utf-8").write(
        "\n".join(sorted(common_names, key=lambda w: w.encode())) + "\n")
    print("names_common_indic: %d names that are common words" % len(common_names))

def write_english():
    words = set()
    for lst in ("american-english", "british-english"):
        for w in open(os.path.join("/usr/share/dict", lst), encoding="utf-8", errors="ignore").read().split("\n"):
            if len(w) >= 3 and w.isascii() and w.isalpha() and w.islower():
                words.add(w)
    path = os.path.join(ROOT, "rules", "dict", "english_words.txt")
    open(path, "w").write("\n".join(sorted(words)) + "\n")
    print("english_words: %d words" % len(words))

# Municipal words of the six scripts wordfreq has no list for (water, road, meter, bill, house,
# tap, drain, complaint, electricity, tax, office, street, lamp, garbage, no, leakage, pipe,
# connection, supply), written by hand; added to common_words_indic.txt.
COMMON_EXTRA = set("""
నీరు నీటి రోడ్డు మీటర్ బిల్లు ఇల్లు ఇంటి కుళాయి డ్రైనేజీ ఫిర్యాదు విద్యుత్ పన్ను కార్యాలయం వీధి దీపం చెత్త లేదు రావడం లీకేజీ పైపు కనెక్షన్ సరఫరా నీళ్ళు కాలువ మురుగు
ನೀರು ರಸ್ತೆ ಮೀಟರ್ ಬಿಲ್ ಮನೆ ನಲ್ಲಿ ಚರಂಡಿ ದೂರು ವಿದ್ಯುತ್ ತೆರಿಗೆ ಕಚೇರಿ ಬೀದಿ ದೀಪ ಕಸ ಇಲ್ಲ ಬರುತ್ತಿಲ್ಲ ಸೋರಿಕೆ ಪೈಪ್ ಸಂಪರ್ಕ ಪೂರೈಕೆ ಕಾಲುವೆ
വെള്ളം റോഡ് മീറ്റർ ബിൽ വീട് ടാപ്പ് ഓട പരാതി വൈദ്യുതി നികുതി ഓഫീസ് തെരുവ് വിളക്ക് മാലിന്യം ഇല്ല ചോർച്ച പൈപ്പ് കണക്ഷൻ വിതരണം
પાણી રસ્તો મીટર બિલ ઘર નળ ગટર ફરિયાદ વીજળી વેરો કચેરી શેરી દીવો કચરો નથી લીકેજ પાઇપ જોડાણ પુરવઠો
ਪਾਣੀ ਸੜਕ ਮੀਟਰ ਬਿੱਲ ਘਰ ਟੂਟੀ ਨਾਲੀ ਸ਼ਿਕਾਇਤ ਬਿਜਲੀ ਟੈਕਸ ਦਫ਼ਤਰ ਗਲੀ ਕੂੜਾ ਨਹੀਂ ਪਾਈਪ ਕੁਨੈਕਸ਼ਨ ਸਪਲਾਈ
ପାଣି ରାସ୍ତା ମିଟର ବିଲ ଘର ଟ୍ୟାପ ନାଳ ଅଭିଯୋଗ ବିଦ୍ୟୁତ ଟିକସ କାର୍ଯ୍ୟାଳୟ ଗଳି ଆବର୍ଜନା ନାହିଁ ପାଇପ ସଂଯୋଗ ଯୋଗାଣ
""".split())

# Function words and the verbs and nouns of remarks (is, not, did, came, gave, with, on, in,
# and, this, he/she, they, about, after, for, talk, call, contact, arrears, payment, documents,
# checked, application, applicant, owner, number, date, today, name, father, husband, wife,
# son, daughter; and, added 2026-12-04, Gujarati postpositions, verbs and nouns of remarks,
# and "present"/"absent" in five scripts, whose spellings are names too: હાજર, Hajar; and
# "(at) home" and "is not"/"are not" in seven scripts: an owner not at home) in the six
# scripts wordfreq has no list for, and Marathi, written by hand.
# Rule-based spellings of names fall on some of them (`Sathe` -> સાથે, "with"; `Kari` -> કરી,
# "did"): they are taken out of the name lists (NOT_NAMES_INDIC) and kept as common words.
FUNCTION_WORDS_INDIC = set("""
છે નથી હતું હતો હતી હતા કરી કર્યું કર્યો કર્યા કરવામાં કરવા કરે કરો આવ્યું આવ્યો આવી આવ્યા આવે આવતું ગયું ગયો ગઈ ગયા થયું થયો
થઈ થયા થશે સાથે પર માં થી નો ની નું ના ને અને અથવા પણ તે તેમ તેમણે તેઓ તેમના તેમની તેમનો આ તો જ હવે બાદ પછી પહેલાં માટે વાત
વાતચીત કોલ સંપર્ક મળ્યા મળ્યું આપી આપ્યું આપ્યો લીધું લીધો દ્વારા વિશે અંગે બાકી ચુકવણી દસ્તાવેજ ચકાસાયેલ ચકાસણી અરજી અરજદાર
મંજૂર રકમ ભરેલ ભરી મકાન માલિક ભાડૂઆત નંબર તારીખ દિવસ સમય આજે કાલે સરનામું બદલાયું નવું જૂનું નામ પિતા પતિ પત્ની પુત્ર પુત્રી
ఉంది లేదు చేశారు చేసారు చేయబడింది వచ్చారు వచ్చింది వెళ్ళారు ఇచ్చారు తో కు కి లో మీద పై మరియు ఈ ఆ అతను ఆమె వారు గురించి తర్వాత
ముందు కోసం మాట్లాడారు మాట్లాడాము కాల్ సంప్రదించారు బాకీ చెల్లింపు చెల్లించారు పత్రాలు ధృవీకరించబడింది దరఖాస్తు దరఖాస్తుదారు
యజమాని వార్డు సంఖ్య తేదీ నేడు నిన్న చిరునామా పేరు తండ్రి భర్త భార్య కుమారుడు కుమార్తె
ಇದೆ ಇಲ್ಲ ಮಾಡಿದರು ಮಾಡಲಾಗಿದೆ ಬಂದರು ಬಂದಿದೆ ಹೋದರು ನೀಡಿದರು ಜೊತೆ ಜೊತೆಗೆ ಮೇಲೆ ಮತ್ತು ಈ ಆ ಅವನು ಅವಳು ಬಗ್ಗೆ ನಂತರ ಮೊದಲು
ಮಾತನಾಡಿದರು ಕರೆ ಸಂಪರ್ಕಿಸಲಾಗಿದೆ ಬಾಕಿ ಪಾವತಿ ಪಾವತಿಸಿದರು ದಾಖಲೆಗಳು ಪರಿಶೀಲಿಸಲಾಗಿದೆ ಅರ್ಜಿ ಅರ್ಜಿದಾರ ಮಾಲೀಕ ವಾರ್ಡ್ ಸಂಖ್ಯೆ ದಿನಾಂಕ
ಇಂದು ನಿನ್ನೆ ಹೆಸರು ತಂದೆ ಪತಿ ಪತ್ನಿ ಮಗ ಮಗಳು
ആണ് ഇല്ല ഉണ്ട് ചെയ്തു നൽകി വന്നു പോയി കൂടെ ഒപ്പം ഈ ആ അദ്ദേഹം അവർ അവൾ കുറിച്ച് ശേഷം മുമ്പ് വേണ്ടി സംസാരിച്ചു വിളിച്ചു
ബന്ധപ്പെട്ടു കുടിശ്ശിക അടച്ചു രേഖകൾ പരിശോധിച്ചു അപേക്ഷ അപേക്ഷകൻ ഉടമ വാർഡ് നമ്പർ തീയതി ഇന്ന് ഇന്നലെ പേര് അച്ഛൻ ഭർത്താവ്
ഭാര്യ മകൻ മകൾ
ਹੈ ਹਨ ਨਹੀਂ ਕੀਤੀ ਕੀਤਾ ਕੀਤੇ ਆਇਆ ਆਈ ਗਿਆ ਗਈ ਦਿੱਤਾ ਦਿੱਤੀ ਨਾਲ ਤੇ ਵਿੱਚ ਦਾ ਦੀ ਦੇ ਨੂੰ ਅਤੇ ਇਹ ਉਹ ਬਾਰੇ ਬਾਅਦ ਪਹਿਲਾਂ ਲਈ ਗੱਲ
ਗੱਲਬਾਤ ਹੋਈ ਹੋਇਆ ਸੰਪਰਕ ਬਕਾਇਆ ਭੁਗਤਾਨ ਦਸਤਾਵੇਜ਼ ਜਾਂਚ ਅਰਜ਼ੀ ਬਿਨੈਕਾਰ ਮਾਲਕ ਵਾਰਡ ਨੰਬਰ ਮਿਤੀ ਅੱਜ ਕੱਲ੍ਹ ਨਾਮ ਪਿਤਾ ਪਤੀ ਪਤਨੀ
ਪੁੱਤਰ ਧੀ
ଅଛି ନାହିଁ କଲେ କରିଛନ୍ତି ଆସିଲେ ଗଲେ ଦେଲେ ସହିତ ସହ ରେ କୁ ଉପରେ ଏବଂ ଏହି ସେ ସେମାନେ ବିଷୟରେ ପରେ ପୂର୍ବରୁ ପାଇଁ କଥା ହେଲା
ହୋଇଛି ଯୋଗାଯୋଗ ବକେୟା ଦେୟ ଦଲିଲ ଯାଞ୍ଚ ଆବେଦନ ଆବେଦନକାରୀ ମାଲିକ ୱାର୍ଡ ନମ୍ବର ତାରିଖ ଆଜି ଗତକାଲି ନାମ ପିତା ସ୍ୱାମୀ ସ୍ତ୍ରୀ ପୁଅ ଝିଅ
यांनी यांच्याशी यांचे यांची यांचा यांच्या यांना यांस तक्रार केली केले केला आहे नाही होते झाली झाले संपर्क साधला वर आणि
कागदपत्रे तपासली थकबाकी भरली भरले अर्जदार मालक प्रभाग क्रमांक दिनांक आज काल पत्ता नाव वडील पती पत्नी मुलगा मुलगी
હાજર ગેરહાજર રહ્યા રહ્યો રહી રહ્યું રહે સામે પાસે બાબતે રીતે વખતે સમયે કારણે નીચે ઘરે ઉપર અહીં ત્યાં કે જે શું હું અમે તમે
કહ્યું જણાવ્યું ચૂકવ્યા ભર્યા રજૂ મોકલ્યો મોકલી ગામ શહેર વોર્ડ પાછળ આગળ નજીક રસીદ ભરપાઈ મિલકત જમીન દુકાન
ਹਾਜ਼ਰ ਹਾਜਰ ਗੈਰਹਾਜ਼ਰ హాజరు హాజరయ్యారు ಹಾಜರು ಹಾಜರಾದರು ഹാജർ ഹാജരായി ଉପସ୍ଥିତ ହାଜର
ఇంట్లో ఇంటి ఇల్లు లేరు ఉన్నారు లేరని ಮನೆಯಲ್ಲಿ ಮನೆ ಇದ್ದಾರೆ ಇರಲಿಲ್ಲ വീട്ടിൽ വീട് ഉണ്ടായിരുന്നില്ല ഇല്ലായിരുന്നു
ଘରେ ଘର ନାହାଁନ୍ତି ଅଛନ୍ତି ନଥିଲେ ઘર ਘਰ ਘਰੇ ਮੌਜੂਦ घरी नाहीत नव्हते होते
அவர்கள் அவர் அவர்களின் அவர்களுக்கு அவர்களிடம் என்பவர் என்பவரின் ஆகியோர் గారు గారి గారికి ಅವರು ಅವರ ಅವರಿಗೆ അവർകൾ
""".split())
NOT_NAMES_INDIC |= FUNCTION_WORDS_INDIC

# wordfreq list, the Unicode block of the words taken from it.
COMMON_LISTS = [("small_hi", 0x0900), ("small_bn", 0x0980), ("small_ta", 0x0B80)]

def write_function_words():
    """The function words end a name at run time too (their keys are names' in other spellings:
    Gujarati `નથી`, is not)."""
    d = os.path.join(ROOT, "rules", "dict")
    open(os.path.join(d, "function_words_indic.txt"), "w", encoding="utf-8").write(
        "\n".join(sorted(FUNCTION_WORDS_INDIC, key=lambda w: w.encode())) + "\n")

def write_common():
    import gzip, msgpack
    d = os.path.join(ROOT, "rules", "dict")
    t = os.path.join(ROOT, "testdata", "names")
    names = set()
    for label in ("given_names", "surnames"):
        held = {l.split("\t")[1] for l in read_list(os.path.join(t, "heldout_" + label + "_indic.tsv"))}
        names |= set(read_list(os.path.join(d, label + "_indic.txt"))) - held
    words = set()
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp, "wordfreq==3.1.1")
        z = zipfile.ZipFile(os.path.join(tmp, os.listdir(tmp)[0]))
        for name, block in COMMON_LISTS:
            # cBpack: a header, then one list of words per frequency step of a centibel.
            buckets = msgpack.loads(gzip.decompress(z.read("wordfreq/data/%s.msgpack.gz" % name)), raw=False)[1:]
            for w in (w for b in buckets for w in b):
                if len(w) >= 2 and all(block <= ord(c) < block + 0x80 or c in "\u200c\u200d" for c in w):
                    words.add(w)
    words |= COMMON_EXTRA
    words -= names
    words |= FUNCTION_WORDS_INDIC
    open(os.path.join(d, "common_words_indic.txt"), "w", encoding="utf-8").write(
        "\n".join(sorted(words, key=lambda w: w.encode())) + "\n")
    write_function_words()
    print("common_words_indic: %d words" % len(words))

if __name__ == "__main__":
    if sys.argv[1:] == ["--common"]:
        write_common()
        sys.exit(0)
    if sys.argv[1:] == ["--english"]:
        write_english()
        sys.exit(0)
    if sys.argv[1:] != ["--indic"]:
        main()
        write_english()
    write_indic()
    write_common()
