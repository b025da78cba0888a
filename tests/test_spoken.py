"""Dictated and chat-typed questions turned into typed form (no model: the corpus vocabulary is a set)."""

from __future__ import annotations

import pytest

from assistant.choices import drop_unmentioned, offers_options
from assistant.lexicon import british, spelling_variant
from assistant.spoken import normalise

# Words the "corpus" holds, as the index would report them (stems aside).
CORPUS = set(
    """astrazeneca biopharma beigene adc adcs zai lab deal drug drugmaker smiley cui biosecure make lobbying
    outlook counterpart cspc novartis""".split()
)
NAMES = ["Josh Smiley", "Cui Cui", "Zai Labs", "AstraZeneca", "Jeffries", "BeiGene"]


def typed(question: str) -> str:
    return normalise(question, in_corpus=CORPUS.__contains__, names=NAMES)


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("um so what does smiley expect going into twenty twenty six", "so what does smiley expect going into 2026"),
        (
            "how many deals over five hundred million happened in twenty twenty three",
            "how many deals over 500m happened in 2023",
        ),
        ("it was like five point three six billion right", "it was about 5.36bn right"),  # a guess, said so
        ("deals above half a billion dollars", "deals above 500m dollars"),
        ("what share was chinese in nineteen ninety nine", "what share was chinese in 1999"),
        ("twenty percent of deals", "20 percent of deals"),
        ("ok and who did astra zeneca sign with", "and who did astrazeneca sign with"),
        ("why are chinese a d c's popular", "why are chinese ADCs popular"),
        ("which company used to be bei gene", "which company used to be beigene"),
        ("whos dajun yang", "who's dajun yang"),
        ("what did smilye say", "what did smiley say"),  # one slip from a name the articles hold
        # Sounding like a name the articles hold, and starting alike; letters said by their names.
        ("who is josh smylie", "who is josh smiley"),
        ("the astra zenica deal with see ess pee see", "the astrazeneca deal with cspc"),
        ("does the jeffrey's analyst agree", "does the jeffries analyst agree"),
        ("smilye's view and novartis's deal", "smiley's view and novartis's deal"),  # possessives kept
        ("longterm risk us pharma lobying", "longterm risk us pharma lobbying"),  # an English word the corpus has
        ("cui outlok for 2026", "cui outlook for 2026"),
        ("deals above 500 mio USD in 2023", "deals above $500m in 2023"),  # amounts written the European way
        ("a USD 2 Mrd deal, 5.36 bn USD or 5 billion US dollars", "a $2bn deal, $5.36bn or $5bn"),
        ("figures in 2023 USD", "figures in 2023 USD"),  # a year before the currency is not an amount
        # Courtesy around the question, and what is set aside in the usual order.
        ("Would you be so kind as to remind me which areas are hot?", "which areas are hot?"),
        ("Remind me, if you would, who is Cui?", "who is Cui?"),
        ("Could you tell me, please, what the deal was worth?", "what the deal was worth?"),
        ("Cancer aside, which area is hot?", "aside from cancer, which area is hot?"),
        # A post: flags as countries, emoji and trailing tags dropped, cashtags as tickers, a line break as a colon.
        ("why r big pharmas so into 🇨🇳 rn? 🤔 #biotech #pharma", "why are big pharmas so into china now?"),
        ("$ZLAB's Josh Smiley 🔮\nwhat's his 2026 call?", "zai lab's josh smiley: what's his 2026 call?"),
        ("#BIOSECURE is back 😬", "biosecure is back"),
        ("Brukinsa US sales this yr? 💰 $ONC", "brukinsa us sales this yr?"),
        ("# of deals over $500m?", "# of deals over $500m?"),
        ("Leaving BeOne aside, who else went it alone?", "aside from BeOne, who else went it alone?"),
        # A scholar's hedges and musings: how it is asked, not what.
        ("I wonder whether it might be fair to say that the deals grew?", "the deals grew?"),
        (
            "I should be grateful to know, with the usual caveat that such projections are sensitive, what the cliff "
            "costs?",
            "what the cliff costs?",
        ),
        ("What drives it — one suspects cost — in his view?", "what drives it in his view?"),
        ("Leaving aside for the moment the backdrop, which areas grew?", "aside from the backdrop, which areas grew?"),
        ("Which areas grew, all things considered?", "which areas grew?"),
    ],
)
def test_dictation_is_undone(said: str, written: str) -> None:
    assert typed(said).lower() == written.lower()


@pytest.mark.parametrize(
    "question",
    [
        "How much did that drug make in the US last year?",  # "drugmake" shares a stem with "drugmaker"
        "So what does she recommend for now?",  # "So" carries the thread on
        "which big pharmas signed multi billion oncology deals",  # "billion" alone is no number
        "What does Cui Cui think?",  # a name that repeats a word is not a stutter
        "Three deals were named; which was the biggest?",  # small numbers stay words
        "Is it plan a or b",  # single letters the corpus does not hold as an acronym
        "What is the Zenith deal?",  # not one edit from any name
        "any bispecfics deals",  # no English word one edit away that the corpus holds
        "InnoCare deal: who's the counterparty?",  # rare English, not a typo of "counterpart"
        "Tell me about BIOSECURE",  # no question word follows: the request is the question
        "Do you see a pee in it?",  # letter names the corpus holds no acronym for
        "Is Jeffrey at the smile bar?",  # English words, though they sound like names the articles hold
    ],
)
def test_typed_questions_are_left_alone(question: str) -> None:
    assert typed(question) == question


def test_a_question_in_capitals_is_read_in_its_usual_case() -> None:
    # Names get the articles' case back, whole or by their first word; "US" is the country unless it is "us".
    assert (
        typed("WHY WOULD US PARTNERS KEEP WORKING WITH ZAI LABS") == "Why would US partners keep working with Zai Labs"
    )
    assert typed("WHAT WAS ASTRAZENECAS DEAL WORTH TELL US") == "What was AstraZeneca’s deal worth tell us"
    assert typed("WHAT DID JOSH SAY ABOUT R AND D") == "What did Josh say about R&D"
    assert typed("AZ CSPC VALUE") == "AZ CSPC VALUE"  # too short to be shouting: shorthand
    assert typed("Did AZ sign with CSPC in the US?") == "Did AZ sign with CSPC in the US?"


def test_a_question_typed_as_code_is_read_in_words() -> None:
    assert (
        typed("SELECT COUNT(*) FROM deals WHERE yr = 2023 AND value_usd > 500")
        == "How many deals where yr 2023 and value usd > 500"
    )
    assert typed("get_quote(person='Cui', topic='BIOSECURE')") == "quote Cui, on BIOSECURE"
    assert (
        typed("cui.outlook(topic='licensing_trends', ta=?) -- 2026?") == "cui outlook on licensing trends, ta?: 2026?"
    )
    assert typed("deal? buyer=AstraZeneca field=asset_target") == "deal? buyer AstraZeneca field asset target"
    assert typed("SELECT name FROM x ORDER BY deal_value DESC LIMIT 1") == "What name from x with the most deal value"
    for question in ["What is the Zai Lab COO's view?", "e.g. what did he say", "Was it 5.36bn (or 5.3)?"]:
        assert typed(question) == question


def test_dialect_and_texting_are_read_in_the_articles_english() -> None:
    assert (
        typed("Whit wis China aye kent fur churnin' oot, wis it no? Whit are they at noo insteid?")
        == "What was China always known for manufacturing, was it not? What are they at now instead?"
    )
    assert typed("Is it jist cancer they're efter, hen?") == "Is it just cancer they're after?"
    assert typed("Is he fashed aboot BIOSECURE?") == "Is he worried about BIOSECURE?"  # one word only Scots has
    assert typed("Is Ken at the lab?") == "Is Ken at the lab?"  # "ken", "fur", "aye" alone are English
    assert typed("What is he sayin' about pricin'?") == "What is he saying about pricing?"  # a dropped g anywhere
    assert (
        typed("hw much r us drug sales supposed to tank bc of the patent cliff fr")
        == "how much are us drug sales supposed to tank because of the patent cliff"
    )
    assert typed("zenas x innocare deal was worth hw much lol") == "zenas and innocare deal was worth how much"
    assert typed("so shd chinese cos just partner up") == "so should chinese companies just partner up"
    assert typed("Is X a target for Y?") == "Is X a target for Y?"  # one-letter words only in a lower-case message
    # Everyday idioms the articles never use: what someone is saying is what they say; churning out is making.
    assert typed("What's Cui saying the firms are missing?") == "What does Cui say the firms are missing?"
    assert typed("What's happening in China?") == "What's happening in China?"
    assert typed("China was churning out copycat drugs?") == "China was manufacturing copycat drugs?"
    assert typed("What's the score with BIOSECURE?") == "What is the status of BIOSECURE?"
    assert typed("What's the deal with AstraZeneca?") == "What's the deal with AstraZeneca?"  # its deal, here


def test_a_structured_prompt_is_read_as_its_question() -> None:
    assert (
        typed("Role: BD analyst. Task: identify Novartis's partner. Constraints: cite the source. Output: one line.")
        == "What is Novartis's partner"
    )
    assert (
        typed("You are an expert. Step 1: find the trials section. Step 2: report the year. Output: one line.")
        == "What is the year"
    )
    assert typed("System: be brief. | User: What does Cui expect? | Format: one sentence.") == "What does Cui expect?"
    assert typed("<role>BD scout</role><task>explain why China leads in CGT</task>") == "why China leads in CGT"
    assert typed("### Instruction: Which area rose? ### Output: one sentence.") == "Which area rose?"
    assert (
        typed("Task: same, for the AstraZeneca agreement. Output: one line.")
        == "And what about the AstraZeneca agreement"
    )
    assert typed("same query, person = the Jeffries analyst") == "And what about the Jeffries analyst"
    assert typed("list the areas where R&D is picking up") == "list the areas where R&D is picking up"  # "is", not I S
    for question in ["Zai Labs Smiley: outlook for 2026?", "Is the same true for immunology?", "Output: what is it?"]:
        assert typed(question) == question


def test_briefing_requests_and_true_or_false_claims_are_read_as_questions() -> None:
    assert typed("Confirmation of the identity of the counterparty is sought.") == "Who is the counterparty?"
    assert (
        typed("Clarification is requested regarding the quantum of consideration agreed between A and B.")
        == "What is the value agreed between A and B?"
    )
    assert (
        typed("The grounds on which she bases it are to be set out.") == "What are the grounds on which she bases it?"
    )
    assert (
        typed("Further to the above, the position of the Jeffries analyst is to be ascertained.")
        == "And what is the view of the Jeffries analyst?"
    )
    assert (
        typed("The number of Sino-Western transactions in 2023 is to be confirmed.")
        == "How many China–West transactions in 2023?"
    )
    assert typed("True or false: Josh Smiley is the CEO.") == "Is it true that Josh Smiley is the CEO?"
    assert typed("Confirm or deny: BeOne started in Shanghai.") == "Is it true that BeOne started in Shanghai?"


def test_british_and_american_spellings_meet() -> None:
    assert british("commercialize") == "commercialise" and british("analyzed") == "analysed"
    assert british("size") == "size" and british("Pfizer") == "Pfizer"  # too short before "iz"
    assert spelling_variant("commercialise") == "commercialize"
    assert spelling_variant("commercialize") == "commercialise"
    assert spelling_variant("deal") is None


def test_names_misheard_by_dictation_are_restored() -> None:
    names = [*NAMES, "Dajun Yang", "AbbVie", "Pfizer"]

    def heard(question: str) -> str:
        return normalise(question, in_corpus=CORPUS.__contains__, names=names)

    assert heard("who did astra zenith sign with") == "who did AstraZeneca sign with"  # begins the name
    assert heard("the gsk and abby vie deals") == "the gsk and AbbVie deals"  # one edit from it, joined
    assert heard("what did fizer say") == "what did Pfizer say"  # "Pf" sounds like "f"
    assert heard("what per sent of deals") == "what percent of deals"
    assert heard("when did he join sigh labs") == "when did he join Zai labs"  # next to the name's other word
    assert heard("is dajun young worried") == "is Dajun Yang worried"  # after a first name as rare as Dajun
    for question in ["see labs results", "the young biotech sector", "what did the astronaut say"]:
        assert heard(question) == question


def test_a_deal_sheets_shorthand_and_a_laypersons_words() -> None:
    assert typed("agg TEV of CN lic deals in '24?") == "agg TEV of CN lic deals in 2024?"
    assert typed("Zenas x InnoCare – TEV?") == "Zenas–InnoCare – TEV?"
    assert typed("which TAs are pharmacos in-lic'ing?") == "which therapy areas are pharmacos in-licensing?"
    assert typed("who won in '99?") == "who won in 1999?"
    assert typed("How much was the deposit Novartis paid?") == "How much was the upfront Novartis paid?"
    assert typed("Was a deposit paid?") == "Was the upfront paid?"
    assert typed("Why are buyers so taken with antibody-drug combos?") == (
        "Why are buyers so taken with antibody-drug conjugates?"
    )
    assert typed("Who likes renting out the rights?") == "Who likes out-licensing?"
    assert typed("which drug start-ups signed?") == "which biotechs signed?"
    # "there's a": the contraction, not letters spelled out ("S A").
    assert normalise("I know there's a number", in_corpus=lambda w: True) == "I know there's a number"


def test_speech_corrections_are_read_as_meant() -> None:
    assert typed("how many deals in 2024, no, sorry, 2023") == "how many deals in 2023"
    assert typed("what did Smiley — no, Yang — say about it") == "what did Yang — say about it"
    assert typed("the Novartis — sorry, the AstraZeneca deal, how big") == "the AstraZeneca deal, how big"
    assert typed("over what — what stretch of years") == "over what stretch of years"
    assert typed("what does Cui — Cui Cui — think") == "what does Cui Cui think"
    assert typed("and Yang — no worries there?") == "and Yang — no worries there?"  # no correction
    assert typed("um, BIOSECURE, when did the, the House pass it") == "BIOSECURE, when did the House pass it"
    assert typed("does he think it lasts, or, I mean, or not") == "does he think it lasts, or not"
    # Numbers said twice are numbers, and a name said twice a name.
    assert typed("deals in twenty twenty three") == "deals in 2023"
    assert typed("what does Cui Cui say") == "what does Cui Cui say"


def test_relative_years_count_from_the_newest_article() -> None:
    def dated(question: str) -> str:
        return normalise(question, in_corpus=CORPUS.__contains__, names=NAMES, year=2025)

    assert dated("How many deals were signed last year?") == "How many deals were signed in 2024?"
    assert dated("deals the year before last") == "deals in 2023"
    assert dated("Will this year's trends hold up next year?") == "Will the 2025 trends hold up in 2026?"
    assert dated("the drop between this year and the end of the decade") == "the drop between 2025 and 2030"
    assert dated("Will assets stay this cheap?") == "Will assets stay this cheap?"
    assert typed("How many deals were signed last year?") == "How many deals were signed last year?"  # undated


def test_a_question_put_as_a_condition() -> None:
    assert typed("If Smiley isn't Zai Lab's CEO, then who is?") == "Who is Zai Lab's CEO?"


def test_a_readers_topic_before_the_dash() -> None:
    assert typed("You write about a rise in deals — which market?") == "A rise in deals — which market?"
    remark = "You cite GlobalData on how much sales will fall — what about Europe?"  # a question reported
    assert typed(remark) == remark


def test_the_mainland_and_a_librarians_is_it_in_there() -> None:
    assert typed("What are mainland firms eyeing?") == "What are Chinese firms eyeing?"
    assert typed("the mainland regulator's process") == "China regulator's process"
    assert typed("Which mainland-made modality?") == "Which China-made modality?"
    assert typed("deals in mainland China") == "deals in China"
    # Where the article says it adds nothing to look for: the question it stands for.
    assert typed("Would I find in here the year Dajun Yang moved back to China?") == (
        "When Dajun Yang moved back to China?"
    )
    assert typed("Is there any figure in the piece for how big the obesity market is?") == (
        "How big the obesity market is?"
    )
    assert typed("Is there a total anywhere in the piece for the value of all 2025 deals?") == (
        "What is the total for the value of all 2025 deals?"
    )
    assert typed("And does the piece say why Western companies are chasing Chinese assets?") == (
        "And why Western companies are chasing Chinese assets?"
    )
    # A question about what the article does is left alone.
    assert typed("Does the piece mention BeiGene at all?") == "Does the piece mention BeiGene at all?"


def test_phone_typos_against_the_corpus_words() -> None:
    corpus = CORPUS | {"known", "areas", "their", "near", "term", "team", "lab"}

    def fixed(question: str) -> str:
        return normalise(question, in_corpus=corpus.__contains__, names=NAMES)

    # A swap, a dropped or a mistyped letter, even in four letters; the commonest corpus word wins.
    assert fixed("what was china knwon for") == "what was china known for"
    assert fixed("which therapy aeras") == "which therapy areas"
    assert fixed("in the nera trem") == "in the near term"
    # Written, but a hundred times rarer than the word it could be: a typo ("thier"); rarer English stays.
    assert fixed("on thier own") == "on their own"
    assert fixed("the counterparty and licencing") == "the counterparty and licencing"
    # A short ticker is not a dropped letter ("zlab" is not "lab"); a rare real word is no mistyped letter.
    assert fixed("zlab ceo") == "zlab ceo"
    assert normalise("yeas/nays", in_corpus=lambda w: w in {"year", "says", "years"}) == "yeas/nays"
    assert normalise("pfizrs partner", in_corpus=corpus.__contains__, names=["Pfizer"]) == "pfizer's partner"
    # A name's possessive typed without its apostrophe; texting's "wat", "shud".
    assert fixed("wats cuis best practise") == "what's cui's best practise"
    assert fixed("Smileys view on prices?") == "Smiley's view on prices?"
    assert fixed("wat does yang say they shud do") == "what does yang say they should do"
    # No corpus word near, but a common English one a slip away; a name the corpus lacks is no slip.
    assert fixed("how many happend insted") == "how many happened instead"
    assert fixed("r any chinese cos tryin b4 2026 ovr 500m") == "are any chinese companies trying before 2026 over 500m"
    assert fixed("is keytruda or hengrui mentioned") == "is keytruda or hengrui mentioned"


def test_chinese_industry_terms_are_read_in_the_articles_english() -> None:
    # A bilingual analyst's English with the odd Chinese term or company name in it.
    assert typed("诺华 x Argo — headline value？") == "Novartis–Argo — headline value?"
    assert typed("What was the 首付款 on 石药的 deal?") == "What was the upfront payment on CSPC's deal?"
    assert typed("Are Chinese 药企 trying to 出海 alone?") == "Are Chinese drugmakers trying to go global alone?"
    # Chinese has no plural: one drugmaker after "a", the deals' values before "values".
    assert typed("Is there a Chinese 药企 doing it?") == "Is there a Chinese drugmaker doing it?"
    assert typed("With 交易 values climbing, why?") == "With deal values climbing, why?"
    # A term the glossary does not hold is left as typed (the question then names what no article mentions).
    assert typed("Any good 小笼包 near Jing'an?") == "Any good 小笼包 near Jing'an?"


def test_a_scripts_hyphened_letters_and_someone_elses_question() -> None:
    assert typed("Why are Chinese A-D-Cs hot?") == "Why are Chinese ADCs hot?"
    assert typed("Who is the C-S-P-C partner? R-and-D spend?") == "Who is the CSPC partner? R&D spend?"
    assert typed("Is the T-cell X-ray work in the U-K?") == "Is the T-cell X-ray work in the U-K?"  # no such acronym
    assert typed("Our listeners want to know which areas are hot.") == "Which areas are hot."
    assert typed("I want to know more.") == "I want to know more."


def test_a_due_diligence_analysts_attribution_is_read_as_who_says_what() -> None:
    assert (
        typed("Which banker is the source for the call that deals will grow?")
        == "Which banker says that deals will grow?"
    )
    assert typed("What's driving it on his account?") == "What's driving it according to him?"
    assert typed("Quoting Cui directly, what do they lack?") == "According to Cui, what do they lack?"


def test_options_the_passages_never_mention_are_dropped() -> None:
    found = CORPUS | set("obesity 28 41 5bn 20 11 december generics me too drugs abbvie pfizer gsk partner".split())

    def offered(question: str) -> str:
        return drop_unmentioned(question, found.__contains__)

    # Numbers: any option the passages hold no digits of goes, the first too; a date by its day and month.
    assert offered("What share came from China – 18%, 28% or 38%?") == "What share came from China – 28%?"
    assert offered("Did they add up to roughly $31.5bn, $41.5bn or $51.5bn?") == "Did they add up to roughly $41.5bn?"
    assert offered("When did the House pass it – 1 December, 11 December or 11 November?") == (
        "When did the House pass it – 11 December?"
    )
    # Words: a later option naming something specialised the passages lack, after one they hold.
    assert offered("Is that companies chasing obesity or hypertension?") == "Is that companies chasing obesity?"
    assert offered("Was it AbbVie, Pfizer and GSK, or Merck, Lilly and Sanofi?") == "Was it AbbVie, Pfizer and GSK?"
    assert offered("Known for generics and me-too drugs, or API work?") == "Known for generics and me-too drugs?"
    # Kept: everyday words ("go solo" is still what is asked), options none or all of which the passages
    # hold, "or not", a first option whose start is uncertain, a clause after "or".
    for kept in (
        "Partner or go solo?",
        "Did AstraZeneca pay $110m or $200m upfront?",
        "Was it 2024 or 2025?",
        "Is it cheap or not?",
        "Was it hypertension or obesity?",
        "Is it about price, or is there something else?",
        "One or two sentences, please.",
    ):
        assert offered(kept) == kept
    assert offers_options("Obesity or hypertension?") and not offers_options("Is it cheap or not?")


def test_stock_tickers_are_read_as_the_companies() -> None:
    assert typed("AZN x 1093.HK – how big was the print?") == "AstraZeneca–CSPC – how big was the print?"
    assert typed("Is the 6855.HK CEO worried? And HK:9969?") == "Is the Ascentage Pharma CEO worried? And InnoCare?"
    assert typed("What did ABBV, PFE and GSK sign?") == "What did AbbVie, Pfizer and GSK sign?"
    assert typed("Per JEF's Cui, is ZLAB right?") == "Per Jeffries's Cui, is Zai Lab right?"  # the test names' spelling
    # Letters only in capitals ("onc" is oncology), and no ticker that is also a term ("MRNA").
    assert typed("ONC or onc deals? MRNA?") == "BeOne or onc deals? MRNA?"
    # Shorthand: therapy areas, a year's end, immunology and inflammation.
    assert typed("Which TAs going into YE25? I&I?") == "Which therapy areas going into the end of 2025? immunology?"


def test_dictated_punctuation_and_run_together_words() -> None:
    corpus = CORPUS | {"pharma", "other", "cgt", "cgts", "2.0"}

    def dictated(question: str) -> str:
        return normalise(question, in_corpus=corpus.__contains__, names=NAMES)

    assert dictated("what did smiley say comma and why question mark") == "what did smiley say, and why?"
    assert dictated("new line is it in a open quote two point oh close quote era question mark") == (
        'is it in a "2.0" era?'
    )
    assert dictated("hub for cell and gene therapies comma scratch that comma c g t s question mark") == (
        "hub for cell and gene therapies, CGTs?"
    )
    assert dictated("r and d in which bigpharma whatother area question mark") == (
        "R&D in which big pharma what other area?"
    )
    assert dictated("what does the e u think question mark") == "what does the EU think?"  # an acronym all the same
    # Without dictation's marks, "period" is a word; a rare word is not split ("radio|pharma", "off|sets").
    assert dictated("over what period?") == "over what period?"
    assert dictated("any radiopharma offsets?") == "any radiopharma offsets?"


def test_singlish_is_read_in_standard_english() -> None:
    assert typed("AZ and CSPC that deal ah, how much they pay?") == "AZ and CSPC that deal, how much they pay?"
    assert typed("Cui think will carry on into 2026 or not?") == "Cui think will carry on into 2026 or not?"
    assert typed("Cui think will carry on or not lah?") == "Cui think will carry on?"
    assert typed("Why all the ang moh pharma so kiasu go buy China drugs one? Just for cheap meh?") == (
        "Why all the Western pharma so keen buy China drugs? Just for cheap?"
    )
    assert typed("Then the AZ one leh?") == "Then the AZ one?"  # "one" is the deal meant
    assert typed("Their roots from which city one?") == "Their roots from which city?"
    assert typed("And which one?") == "And which one?"
    assert typed("And how much was the AstraZeneca one?") == "And how much was the AstraZeneca one?"
    assert typed("She got say how many senators vote or not?") == "She say how many senators vote?"
    # A question word left at the end, in Singlish as in terse English, is put first.
    assert typed("BeiGene change name to BeOne when one ah?") == "When BeiGene change name to BeOne?"
    assert typed("House passed it when?") == "When House passed it?"
    assert typed("And it passed when?") == "And it passed when?"


def test_a_debaters_evidence_for_a_claim_asks_whether_it_holds() -> None:
    assert typed("What's the strongest evidence in the piece that Chinese assets are cheap?") == (
        "Is it true that Chinese assets are cheap?"
    )
    assert typed("Does anything in the article cut against the idea that BIOSECURE matters?") == (
        "Is it true that BIOSECURE matters?"
    )
    assert typed("Is there any evidence in the piece on how the EU sees it?") == (
        "Is there any evidence in the piece on how the EU sees it?"
    )
