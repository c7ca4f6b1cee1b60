"""Rules for someone else at acute risk: a relative or friend who wants to die or is unconscious."""

from __future__ import annotations

from bot.safety.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "someone_wants_to_die",
        r"(dochter|zoon|kind|vriend|vriendin|moeder|vader|broer|zus|man|vrouw|partner|kleinkind|nichtje|"
        r"neefje|buurvrouw|buurman|leerling)\w* (\w+ ){0,8}(dood wil|dood wilt|wil dood|niet meer wil leven|"
        r"zelfmoord|er een eind aan|zichzelf (wat )?aan)|"
        r"(zegt|zei|schrijft|appt|stuurde) (\w+ ){0,2}dat (hij|ze|zij) (er )?(\w+ ){0,2}(een )?(eind|"
        r"einde) aan (maakt|gaat maken)|"
        r"(zegt|zei|roept|riep|appt|appte|schrijft|schreef|dreigt) (\w+ ){0,2}dat (ze|hij|die|"
        r"zij) het (\w+ ){0,2}(nu|vannacht|vanavond|straks|echt) (gaat|zal|gaan) doen|"
        r"(wil|wilt|gaat|gaan|dreigt) (\w+ ){0,2}zich (\w+ ){0,2}(ophangen|op te hangen|opknopen|doden|"
        r"te doden|verdrinken|doodmaken|van kant (te )?maken)\b|"
        r"zich(zelf)? (\w+ ){0,2}doodt\b|"
        r"(schreef|schrijft|zegt|zei|appt|appte) (\w+ ){0,6}dat dit (zijn|haar|mijn) laatste (week|dag|"
        r"nacht|avond) is\b",
        catches=(
            "mijn dochter zegt dat ze dood wil",
            "mijn buurman dreigt zich op te hangen",
            "mijn vriend schreef dat dit zijn laatste week is",
        ),
        ignores=(
            "mijn zoon wil een eind gaan fietsen",
        ),
    ),
    Rule(
        "someone_harms_themselves",
        r"(krast|snijdt|kerft|brandt|bekrast) (\w+ ){0,3}(zijn|haar|hun) (armen|arm|polsen|pols|benen|huid|"
        r"dijen)",
        catches=(
            "mijn dochter krast in haar armen",
            "hij snijdt in zijn polsen",
        ),
        ignores=(
            "zij snijdt haar haar kort",
        ),
    ),
    Rule(
        "someone_unconscious",
        r"niet (meer )?aanspreekbaar|"
        r"bewusteloos",
        catches=(
            "mijn vriend is niet aanspreekbaar",
            "mijn moeder ligt bewusteloos op de grond",
        ),
        ignores=(
            "mijn vader is weer goed aanspreekbaar na de operatie",
        ),
    ),
    Rule(
        "someone_said_goodbye",
        r"(voicemail|bericht|berichtje|mail|app|appje) (\w+ ){0,4}(waarin|met) (hij|ze|zij) afscheid (nam|"
        r"neemt|nemen)|"
        r"afscheid (\w+ ){0,4}(neemt|nam) (\w+ )?(niet|geen) (meer )?op\b|"
        r"(geappt|appt|schrijft|schreef|zegt|zei) (\w+ ){0,3}dat (we|ze|jullie|iedereen) (hem|haar|mij|"
        r"me) (moeten|moet) vergeten",
        catches=(
            "mijn broer sprak een voicemail in waarin hij afscheid nam",
            "ze appte afscheid en nu neemt ze niet meer op",
        ),
        ignores=(
            "mijn zus nam afscheid van haar collega's",
        ),
    ),
    Rule(
        "someone_with_dementia_near_water",
        r"(dement|alzheimer) (\w+ ){0,10}(weggelopen|liep|loopt|dwaalt) (\w+ ){0,6}(kanaal|water|spoor|"
        r"snelweg|rivier)\b",
        catches=(
            "mijn moeder is dement en weggelopen richting het kanaal",
        ),
        ignores=(
            "mijn vader heeft alzheimer en woont nu in een verpleeghuis",
        ),
    ),
    Rule(
        "someone_locked_in_with_means",
        r"(opgesloten|ingesloten|op slot) (\w+ ){0,3}met (een |het |zijn |haar |de )?(\w+ ){0,3}(scheermes|"
        r"scheermesje|mes|mesje|messen|touw|pillen|strips|wapen|pistool)\b",
        catches=(
            "mijn zoon heeft zich opgesloten in de badkamer met een scheermesje",
        ),
        ignores=(
            "de kat zat opgesloten in de schuur met het gereedschap",
        ),
    ),
)
