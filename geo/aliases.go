package geo

import "strings"

// The tables below are written by the project: English spellings common in
// news that GeoNames' preferred names lack, country names and demonyms, and
// a few named areas that are not cities or first-level divisions. New adds
// them to any gazetteer, the embedded one or an imported one.

// alias is an English spelling of a place: alias names the place called
// target (as the data spells it, compared folded) in country cc (ISO
// alpha-2), of kind kind (any when 0).
type alias struct {
	alias, cc, target string
	kind              Kind
}

// aliasTable lists "alias|CC|target" lines; a target ending in "@region"
// must be a first-level division.
const aliasTable = `
Qandahar|AF|Kandahar
Kandahar City|AF|Kandahar
Mazar-i-Sharif|AF|Mazar-e Sharif
Mazar-e-Sharif|AF|Mazar-e Sharif
Mazar|AF|Mazar-e Sharif
Lashkargah|AF|Lashkar Gah
Jalalabad|AF|Jalalabad
Kunduz|AF|Kunduz
Qunduz|AF|Kunduz
Helmand|AF|Helmand@region
Basra|IQ|Basrah
Falluja|IQ|Al Fallujah
Hama|SY|Hamah
Raqqa|SY|Ar Raqqah
Daraa|SY|Dar'a
Deraa|SY|Dar'a
Deir ez-Zor|SY|Dayr az Zawr
Deir el-Zor|SY|Dayr az Zawr
Deir al-Zor|SY|Dayr az Zawr
Quneitra|SY|Al Qunaytirah
Kobani|SY|Ayn al Arab
Kobane|SY|Ayn al Arab
Tal Abyad|SY|Tall Abyad
Idleb|SY|Idlib
Gaza City|PS|Gaza
Khan Younis|PS|Khan Yunis
Khan Yunes|PS|Khan Yunis
Qalqilya|PS|Qalqilyah
Misrata|LY|Misratah
Misurata|LY|Misratah
Sabratha|LY|Sabratah
Derna|LY|Darnah
Hodeidah|YE|Al Hudaydah
Hudaydah|YE|Al Hudaydah
Taiz|YE|Ta'izz
Sana'a|YE|Sanaa
Sanaa|YE|Sanaa
Mukalla|YE|Al Mukalla
Kiev|UA|Kyiv
Kharkov|UA|Kharkiv
Odesa|UA|Odessa
Zaporizhzhia|UA|Zaporizhia
Zaporozhye|UA|Zaporizhia
Avdiivka|UA|Avdiyivka
Dnipropetrovsk|UA|Dnipro
Nikolaev|UA|Mykolaiv
Lugansk|UA|Luhansk
Cologne|DE|Koln
Frankfurt|DE|Frankfurt am Main
Geneva|CH|Geneve
Astana|KZ|Nur-Sultan
Saigon|VN|Ho Chi Minh City
Rangoon|MM|Yangon
Naypyidaw|MM|Nay Pyi Taw
Naypyitaw|MM|Nay Pyi Taw
Bombay|IN|Mumbai
Calcutta|IN|Kolkata
Madras|IN|Chennai
Bangalore|IN|Bengaluru
Delhi|IN|New Delhi
New York|US|New York City
Hargeisa|SO|Hargeysa
Grozny|RU|Groznyy
Rostov-on-Don|RU|Rostov-na-Donu
Marawi|PH|Marawi City
Ciudad Juarez|MX|Juarez
Mekelle|ET|Mek'ele
Mekele|ET|Mek'ele
Fez|MA|Fes
Marrakech|MA|Marrakesh
El Geneina|SD|Geneina
Miranshah|PK|Miran Shah
Vatican|VA|Vatican City
Peking|CN|Beijing
Mecca|SA|Mecca
Makkah|SA|Mecca
Medina|SA|Medina
Kuwait City|KW|Kuwait City
Tel Aviv|IL|Tel Aviv
Tel Aviv-Yafo|IL|Tel Aviv
Al-Quds|IL|Jerusalem
Bethlehem|PS|Bethlehem
Erbil|IQ|Erbil
Arbil|IQ|Erbil
Irbil|IQ|Erbil
Sulaimaniyah|IQ|As Sulaymaniyah
Sulaymaniyah|IQ|As Sulaymaniyah
Nasiriyah|IQ|An Nasiriyah
Ramadi|IQ|Ar Ramadi
Tikrit|IQ|Tikrit
Mosul|IQ|Mosul
Najaf|IQ|An Najaf
Karbala|IQ|Karbala
Kirkuk|IQ|Kirkuk
Benghazi|LY|Benghazi
Sirte|LY|Sirte
Tobruk|LY|Tobruk
Aden|YE|Aden
Marib|YE|Marib
Dushanbe|TJ|Dushanbe
Bishkek|KG|Bishkek
Tbilisi|GE|Tbilisi
Kyiv|UA|Kyiv
Lviv|UA|Lviv
Chisinau|MD|Chisinau
Minsk|BY|Minsk
Bucharest|RO|Bucharest
Tehran|IR|Tehran
Ahvaz|IR|Ahvaz
Crimea|UA|Autonomous Republic of Crimea@region
Washington|US|Washington, D.C.
Washington DC|US|Washington, D.C.
White House|US|Washington, D.C.
Kremlin|RU|Moscow
Zakho|IQ|Zaxo
Elysee Palace|FR|Paris
Downing Street|GB|London
Ramallah|PS|Ramallah
Hebron|PS|Hebron
Nablus|PS|Nablus
Rafah|PS|Rafah
Zurich|CH|Zurich
Munich|DE|Munich
Beirut|LB|Beirut
Damascus|SY|Damascus
Aleppo|SY|Aleppo
Homs|SY|Homs
Latakia|SY|Latakia
Sweida|SY|As Suwayda
Suwayda|SY|As Suwayda
Goma|CD|Goma
Cabo Delgado|MZ|Cabo Delgado@region
Tigray|ET|Tigray@region
Amhara|ET|Amhara@region
Darfur|SD|Darfur
North Kordofan|SD|North Kurdufan@region
West Kordofan|SD|Gharb Kurdufān@region
Bara|SD|Bārah
Khyber Pakhtunkhwa|PK|Khyber Pakhtunkhwa@region
Balochistan|PK|Balochistan@region
Baluchistan|PK|Balochistan@region
Punjab|PK|Punjab@region
Sindh|PK|Sindh@region
Kashmir|IN|Kashmir
Uruzgan|AF|Oruzgan@region
Wardak|AF|Maidan Wardak Province@region
Maidan Wardak|AF|Maidan Wardak Province@region
Bamiyan|AF|Bamyan
Daikundi|AF|Daykundi Province@region
Lakki Marwat|PK|Lakki
Deir al-Balah|PS|Dayr al Balah
Beit Hanoun|PS|Bayt Hanun
Jabalia|PS|Jabalya
Jabaliya|PS|Jabalya
Nuseirat|PS|An Nusayrat
Tulkarem|PS|Tulkarm
Nahariya|IL|Nahariyya
Kiryat Shmona|IL|Qiryat Shemona
Metula|IL|Metulla
Hasaka|SY|Al Hasakah
Hasakah|SY|Al Hasakah
Jarablus|SY|Jarabulus
Palmyra|SY|Tadmur
Maarat al-Numan|SY|Ma'arrat an Nu'man
Maaret al-Numan|SY|Ma'arrat an Nu'man
Saraqeb|SY|Saraqib
Jisr al-Shughur|SY|Jisr ash Shughur
Tabqa|SY|Ath Thawrah
Bukamal|SY|Albu Kamal
Abu Kamal|SY|Albu Kamal
Baquba|IQ|Baqubah
Hilla|IQ|Al Hillah
Diwaniya|IQ|Ad Diwaniyah
Diwaniyah|IQ|Ad Diwaniyah
Haditha|IQ|Hadithah
Tal Afar|IQ|Tall Afar
Halabja|IQ|Halabjah
Shabwa|YE|Shabwah Governorate@region
Lahj|YE|Lahij
Sebha|LY|Sabha
Slavyansk|UA|Sloviansk
Artemivsk|UA|Bakhmut
Severodonetsk|UA|Syevyerodonets'k
Sievierodonetsk|UA|Syevyerodonets'k
Enerhodar|UA|Energodar
Izium|UA|Izyum
Krivoy Rog|UA|Kryvyi Rih
Uzhhorod|UA|Uzhgorod
Mocimboa da Praia|MZ|Mocimboa
Galkayo|SO|Gaalkacyo
Garowe|SO|Garoowe
Afgoye|SO|Afgooye
Jowhar|SO|Jawhar
Kismayo|SO|Kismayo
Al Fashir|SD|El Fasher
Ed Daein|SD|El Daein
Gedaref|SD|Al Qadarif
Dessie|ET|Dese
Aksum|ET|Axum
Acapulco|MX|Acapulco de Juarez
Sheikh Zuweid|EG|Ash Shaykh Zuwayd
Urmia|IR|Orumiyeh
`

// englishAliases parses aliasTable.
func englishAliases() []alias {
	var out []alias
	for line := range strings.SplitSeq(aliasTable, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			continue
		}
		a := alias{alias: f[0], cc: f[1], target: f[2]}
		if t, ok := strings.CutSuffix(a.target, "@region"); ok {
			a.target, a.kind = t, Region
		}
		out = append(out, a)
	}
	return out
}

// countryName gives a country (ISO alpha-3) more names and its demonyms.
type countryName struct {
	code     string
	names    []string
	demonyms []string
}

// countryTable lists "ISO3|names,…|demonyms,…" lines: news names of
// countries and the adjectives and peoples that name them.
const countryTable = `
AFG||Afghan,Afghans,Afghani
ALB||Albanian,Albanians
DZA||Algerian,Algerians
AGO||Angolan,Angolans
ARG||Argentine,Argentinian,Argentines,Argentinians
ARM||Armenian,Armenians
AUS||Australian,Australians
AUT||Austrian,Austrians
AZE||Azerbaijani,Azerbaijanis,Azeri,Azeris
BHR||Bahraini,Bahrainis
BGD||Bangladeshi,Bangladeshis
BLR||Belarusian,Belarusians,Belarussian
BEL||Belgian,Belgians
BEN||Beninese
BOL||Bolivian,Bolivians
BIH|Bosnia|Bosnian,Bosnians
BWA||Botswanan
BRA||Brazilian,Brazilians
BGR||Bulgarian,Bulgarians
BFA||Burkinabe,Burkinabè
BDI||Burundian,Burundians
KHM||Cambodian,Cambodians
CMR||Cameroonian,Cameroonians
CAN||Canadian,Canadians
CAF|CAR|Central African
TCD||Chadian,Chadians
CHL||Chilean,Chileans
CHN|Mainland China|Chinese
COL||Colombian,Colombians
COD|DR Congo,DRC,D.R. Congo,Congo-Kinshasa,Democratic Republic of Congo|Congolese
COG|Congo-Brazzaville,Republic of Congo|
CRI||Costa Rican,Costa Ricans
HRV||Croatian,Croatians,Croat,Croats
CUB||Cuban,Cubans
CYP||Cypriot,Cypriots
CZE|Czech Republic|Czech,Czechs
DNK||Danish,Danes,Dane
DJI||Djiboutian,Djiboutians
DOM||Dominican,Dominicans
ECU||Ecuadorian,Ecuadorians,Ecuadoran
EGY||Egyptian,Egyptians
SLV||Salvadoran,Salvadorans,Salvadorean
ERI||Eritrean,Eritreans
EST||Estonian,Estonians
ETH||Ethiopian,Ethiopians
FIN||Finnish,Finns,Finn
FRA||French,Frenchman,Frenchmen
GAB||Gabonese
GMB||Gambian,Gambians
GEO||Georgian,Georgians
DEU||German,Germans
GHA||Ghanaian,Ghanaians
GRC||Greek,Greeks
GTM||Guatemalan,Guatemalans
GIN||Guinean,Guineans
HTI||Haitian,Haitians
HND||Honduran,Hondurans
HUN||Hungarian,Hungarians
ISL||Icelandic,Icelanders
IND||Indian,Indians
IDN||Indonesian,Indonesians
IRN||Iranian,Iranians,Persian
IRQ||Iraqi,Iraqis
IRL||Irish
ISR||Israeli,Israelis
ITA||Italian,Italians
CIV|Ivory Coast|Ivorian,Ivorians
JAM||Jamaican,Jamaicans
JPN||Japanese
JOR||Jordanian,Jordanians
KAZ||Kazakh,Kazakhs,Kazakhstani
KEN||Kenyan,Kenyans
PRK|North Korea,DPRK|North Korean,North Koreans
KOR|South Korea,ROK|South Korean,South Koreans
XKX|Kosovo|Kosovar,Kosovars,Kosovan
KWT||Kuwaiti,Kuwaitis
KGZ||Kyrgyz,Kyrgyzstani
LAO||Lao,Laotian,Laotians
LVA||Latvian,Latvians
LBN||Lebanese
LBR||Liberian,Liberians
LBY||Libyan,Libyans
LTU||Lithuanian,Lithuanians
MKD|Macedonia|Macedonian,Macedonians
MDG||Malagasy,Madagascan
MWI||Malawian,Malawians
MYS||Malaysian,Malaysians
MLI||Malian,Malians
MRT||Mauritanian,Mauritanians
MEX||Mexican,Mexicans
MDA||Moldovan,Moldovans
MNG||Mongolian,Mongolians
MNE||Montenegrin,Montenegrins
MAR||Moroccan,Moroccans
MOZ||Mozambican,Mozambicans
MMR|Burma|Myanmar,Burmese
NAM||Namibian,Namibians
NPL||Nepali,Nepalese
NLD|Holland|Dutch
NZL||New Zealander,New Zealanders
NIC||Nicaraguan,Nicaraguans
NER||Nigerien,Nigeriens
NGA||Nigerian,Nigerians
NOR||Norwegian,Norwegians
OMN||Omani,Omanis
PAK||Pakistani,Pakistanis
PSE|Palestinian territories,Palestinian Territories,Occupied Palestinian Territories|Palestinian,Palestinians
PAN||Panamanian,Panamanians
PRY||Paraguayan,Paraguayans
PER||Peruvian,Peruvians
PHL||Filipino,Filipinos,Philippine
POL||Polish,Poles,Pole
PRT||Portuguese
QAT||Qatari,Qataris
ROU||Romanian,Romanians
RUS||Russian,Russians
RWA||Rwandan,Rwandans
SAU||Saudi,Saudis,Saudi Arabian
SEN||Senegalese
SRB||Serbian,Serbs,Serb
SLE||Sierra Leonean
SGP||Singaporean,Singaporeans
SVK||Slovak,Slovaks,Slovakian
SVN||Slovenian,Slovenians,Slovene
SOM||Somali,Somalis
ZAF||South African,South Africans
SSD||South Sudanese
ESP||Spanish,Spaniards,Spaniard
LKA||Sri Lankan,Sri Lankans
SDN||Sudanese
SWE||Swedish,Swedes
CHE||Swiss
SYR||Syrian,Syrians
TWN||Taiwanese
TJK||Tajik,Tajiks,Tajikistani
TZA||Tanzanian,Tanzanians
THA||Thai
TGO||Togolese
TTO||Trinidadian
TUN||Tunisian,Tunisians
TUR|Turkey,Türkiye,Turkiye|Turkish,Turks
TKM||Turkmen
UGA||Ugandan,Ugandans
UKR||Ukrainian,Ukrainians
ARE|UAE,U.A.E.,Emirates,the Emirates|Emirati,Emiratis
GBR|Britain,Great Britain,UK,U.K.|British,Briton,Britons
USA|US,U.S.,USA,U.S.A.,America,United States|American,Americans
URY||Uruguayan,Uruguayans
UZB||Uzbek,Uzbeks
VEN||Venezuelan,Venezuelans
VNM||Vietnamese
YEM||Yemeni,Yemenis
ZMB||Zambian,Zambians
ZWE||Zimbabwean,Zimbabweans
`

// countryNames parses countryTable.
func countryNames() []countryName {
	var out []countryName
	for line := range strings.SplitSeq(countryTable, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			continue
		}
		c := countryName{code: f[0]}
		if f[1] != "" {
			c.names = strings.Split(f[1], ",")
		}
		if f[2] != "" {
			c.demonyms = strings.Split(f[2], ",")
		}
		out = append(out, c)
	}
	return out
}

// areaTable lists "name,alternates|CC|lat|lon|population|kind" lines:
// named regions that are neither cities nor first-level divisions, a
// few towns news names that GeoNames' city lists lack, and Kosovo, which
// the ISO country lists the embedded gazetteer is built from leave out,
// with its main towns (kind "country:XKX" gives a country its alpha-3
// code). Coordinates are approximate centres (the towns': GeoNames);
// populations are rough, for ranking only.
const areaTable = `
Kosovo|XK|42.58|20.90|1800000|country:XKX
Pristina,Prishtina,Priština|XK|42.67|21.17|550000|city
Prizren|XK|42.21|20.74|171464|city
Mitrovica,Mitrovicë,North Mitrovica,Kosovska Mitrovica|XK|42.88|20.87|107045|city
Gjakova,Gjakovë,Djakovica|XK|42.38|20.43|94158|city
Peja,Pejë,Peć|XK|42.66|20.29|48962|city
Ferizaj,Uroševac|XK|42.37|21.16|59504|city
Gjilan,Gnjilane|XK|42.46|21.47|51912|city
Zvečan,Zvecan|XK|42.91|20.84|17000|city
Gaza Strip,Gaza strip|PS|31.42|34.37|2100000|area
West Bank|PS|31.95|35.25|3000000|area
Golan Heights,Golan|SY|33.00|35.75|50000|area
Sinai,Sinai Peninsula|EG|29.50|33.80|600000|area
Darfur|SD|13.50|24.00|9000000|area
Donbas,Donbass|UA|48.00|38.00|6000000|area
Kashmir|IN|34.08|74.80|15000000|area
Waziristan,North Waziristan,South Waziristan|PK|32.70|69.90|1000000|area
Swat,Swat Valley|PK|35.22|72.43|2300000|area
Kurram,Kurram district|PK|33.85|70.15|800000|area
Bajaur,Bajaur district|PK|34.75|71.50|1300000|area
Kurdistan Region,Iraqi Kurdistan|IQ|36.20|44.00|6000000|area
Nagorno-Karabakh,Karabakh|AZ|39.85|46.75|150000|area
Abkhazia|GE|43.00|41.00|240000|area
South Ossetia|GE|42.35|44.00|50000|area
Transnistria|MD|47.20|29.40|470000|area
Eastern Ghouta,Ghouta|SY|33.55|36.45|400000|area
Jenin|PS|32.46|35.30|39000|city
Sderot|IL|31.52|34.60|30000|city
Stepanakert,Khankendi|AZ|39.82|46.75|55000|city
Sukhumi|GE|43.00|41.02|60000|city
Tskhinvali|GE|42.23|43.97|30000|city
Torkham|AF|34.11|71.07|10000|city
Delmas|HT|18.55|-72.30|400000|city
`

// extraAreas parses areaTable; Country is left for New to fill, except
// for countries.
func extraAreas() []Place {
	var out []Place
	for line := range strings.SplitSeq(areaTable, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 6 {
			continue
		}
		names := strings.Split(f[0], ",")
		p := Place{Name: names[0], Names: names[1:], CC: f[1], Kind: Area}
		switch kind, code, _ := strings.Cut(f[5], ":"); kind {
		case "city":
			p.Kind = City
		case "country":
			p.Kind, p.Country = Country, code
		}
		p.Lat, p.Lon, p.Population = atof(f[2]), atof(f[3]), int64(atof(f[4]))
		out = append(out, p)
	}
	return out
}
