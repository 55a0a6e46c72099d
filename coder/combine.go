package coder

import (
	"strings"

	"github.com/dyad-events/dyad/cameo"
)

// CAMEO builds several root categories the same way: an appeal (02), an
// intent (03), a demand (10) or a rejection (12) *of* some cooperative
// action, and a threat (13) of some hostile one. When a verb of one of
// these kinds governs a verb that codes the action itself ("agreed to
// provide aid", "threatened to impose sanctions"), the two make one event
// with the frame's subcode for that action.

// topic is the kind of action a code describes, in the vocabulary the
// frame subcodes share.
type topic string

// Topics of cooperative actions, as CAMEO's 02x/03x/10x/12x subcodes name
// them, and of hostile ones, as its 13x subcodes do.
const (
	topicMaterial      topic = "material"
	topicEconCoop      topic = "econ-coop"
	topicMilCoop       topic = "mil-coop"
	topicJudicialCoop  topic = "judicial-coop"
	topicIntelCoop     topic = "intel-coop"
	topicDiplomatic    topic = "diplomatic"
	topicAid           topic = "aid"
	topicEconAid       topic = "econ-aid"
	topicMilAid        topic = "mil-aid"
	topicHumAid        topic = "hum-aid"
	topicPeacekeeping  topic = "peacekeeping"
	topicReform        topic = "reform"
	topicLeadership    topic = "leadership"
	topicPolicy        topic = "policy"
	topicRights        topic = "rights"
	topicInstitutions  topic = "institutions"
	topicYield         topic = "yield"
	topicEaseAdmin     topic = "ease-admin"
	topicEaseDissent   topic = "ease-dissent"
	topicRelease       topic = "release"
	topicEaseSanctions topic = "ease-sanctions"
	topicAllowIntl     topic = "allow-intl"
	topicDeescalate    topic = "deescalate"
	topicMeet          topic = "meet"
	topicSettle        topic = "settle"
	topicMediation     topic = "mediation"
	topicReduceRel     topic = "reduce-relations"
	topicReduceAid     topic = "reduce-aid"
	topicSanction      topic = "sanction"
	topicRepress       topic = "repress"
	topicBlockade      topic = "blockade"
	topicOccupy        topic = "occupy"
	topicUnconv        topic = "unconventional"
	topicAttack        topic = "attack"
	topicWMD           topic = "wmd"
)

// exactTopics are the topics of codes that their prefix does not tell.
var exactTopics = map[string]topic{
	"060": topicMaterial, "061": topicEconCoop, "062": topicMilCoop, "063": topicJudicialCoop, "064": topicIntelCoop,
	"070": topicAid, "071": topicEconAid, "072": topicMilAid, "073": topicHumAid, "074": topicPeacekeeping, "075": topicAid,
	"080": topicYield, "082": topicEaseDissent, "085": topicEaseSanctions, "087": topicDeescalate,
	"083": topicReform, "0831": topicLeadership, "0832": topicPolicy, "0833": topicRights, "0834": topicInstitutions,
	"045": topicMediation,
	"161": topicReduceRel, "162": topicReduceAid, "163": topicSanction, "164": topicReduceRel, "166": topicReduceRel,
	"191": topicBlockade, "192": topicOccupy,
}

// topicOf returns the topic of an action code, or "" when the code is not
// an action a frame verb can govern.
func topicOf(code string) topic {
	if t, ok := exactTopics[code]; ok {
		return t
	}
	switch {
	case strings.HasPrefix(code, "081"):
		return topicEaseAdmin
	case strings.HasPrefix(code, "084"):
		return topicRelease
	case strings.HasPrefix(code, "086"):
		return topicAllowIntl
	case strings.HasPrefix(code, "087"):
		return topicDeescalate
	case strings.HasPrefix(code, "05"):
		return topicDiplomatic
	case strings.HasPrefix(code, "04"):
		return topicMeet
	case strings.HasPrefix(code, "17"):
		return topicRepress
	case strings.HasPrefix(code, "18"):
		return topicUnconv
	case strings.HasPrefix(code, "19"):
		return topicAttack
	case strings.HasPrefix(code, "20"):
		return topicWMD
	}
	return ""
}

// frames maps a frame root and a topic to the frame's subcode.
var frames = map[string]map[topic]string{
	"02": {
		topicMaterial: "021", topicEconCoop: "0211", topicMilCoop: "0212", topicJudicialCoop: "0213", topicIntelCoop: "0214",
		topicDiplomatic: "022",
		topicAid:        "023", topicEconAid: "0231", topicMilAid: "0232", topicHumAid: "0233", topicPeacekeeping: "0234",
		topicReform: "024", topicLeadership: "0241", topicPolicy: "0242", topicRights: "0243", topicInstitutions: "0244",
		topicYield: "025", topicEaseAdmin: "0251", topicEaseDissent: "0252", topicRelease: "0253", topicEaseSanctions: "0254", topicAllowIntl: "0255", topicDeescalate: "0256",
		topicMeet: "026", topicSettle: "027", topicMediation: "028",
	},
	"03": {
		topicMaterial: "031", topicEconCoop: "0311", topicMilCoop: "0312", topicJudicialCoop: "0313", topicIntelCoop: "0314",
		topicDiplomatic: "032",
		topicAid:        "033", topicEconAid: "0331", topicMilAid: "0332", topicHumAid: "0333", topicPeacekeeping: "0334",
		topicReform: "034", topicLeadership: "0341", topicPolicy: "0342", topicRights: "0343", topicInstitutions: "0344",
		topicYield: "035", topicEaseAdmin: "0351", topicEaseDissent: "0352", topicRelease: "0353", topicEaseSanctions: "0354", topicAllowIntl: "0355", topicDeescalate: "0356",
		topicMeet: "036", topicSettle: "037", topicMediation: "039",
	},
	"10": {
		topicMaterial: "101", topicEconCoop: "1011", topicMilCoop: "1012", topicJudicialCoop: "1013", topicIntelCoop: "1014",
		topicDiplomatic: "102",
		topicAid:        "103", topicEconAid: "1031", topicMilAid: "1032", topicHumAid: "1033", topicPeacekeeping: "1034",
		topicReform: "104", topicLeadership: "1041", topicPolicy: "1042", topicRights: "1043", topicInstitutions: "1044",
		topicYield: "105", topicEaseAdmin: "1051", topicEaseDissent: "1052", topicRelease: "1053", topicEaseSanctions: "1054", topicAllowIntl: "1055", topicDeescalate: "1056",
		topicMeet: "106", topicSettle: "107", topicMediation: "108",
	},
	"12": {
		topicMaterial: "121", topicEconCoop: "1211", topicMilCoop: "1212",
		topicAid: "122", topicEconAid: "1221", topicMilAid: "1222", topicHumAid: "1223", topicPeacekeeping: "1224",
		topicReform: "123", topicLeadership: "1231", topicPolicy: "1232", topicRights: "1233", topicInstitutions: "1234",
		topicYield: "124", topicEaseAdmin: "1241", topicEaseDissent: "1242", topicRelease: "1243", topicEaseSanctions: "1244", topicAllowIntl: "1245", topicDeescalate: "1246",
		topicMeet: "125", topicMediation: "126", topicSettle: "127",
	},
	"13": {
		topicReduceRel: "1313", topicReduceAid: "1311", topicSanction: "1312",
		topicRepress:  "137",
		topicBlockade: "1381", topicOccupy: "1382", topicUnconv: "1383", topicAttack: "1384", topicWMD: "1385",
	},
}

// combine returns the code of a frame verb (an appeal, intent, demand,
// rejection or threat coded at its root level, e.g. "030") governing an
// action coded lower, and whether the two combine. Combined codes missing
// from the CAMEO tables fall back to the frame's parent subcode.
func combine(frame, lower string) (string, bool) {
	if len(frame) != 3 || frame[2] != '0' {
		return "", false // the frame verb already has a specific code
	}
	if frame == "030" && cameo.RootOf(lower) == "13" {
		// "vowed that Israel would face severe punishment": a vow of a
		// threat is the threat.
		return lower, true
	}
	subs, ok := frames[frame[:2]]
	if !ok {
		return "", false
	}
	code, ok := subs[topicOf(lower)]
	if !ok {
		return "", false
	}
	for ; len(code) >= 3; code = code[:len(code)-1] {
		if cameo.ValidEventCode(code) {
			return code, true
		}
	}
	return "", false
}
