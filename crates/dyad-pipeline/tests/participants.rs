//! The parties of an event, whole pipeline, own parse. Coordinated subjects ("the Tories and
//! the Lib Dems called for …") act together: neither is the other's target, but in a
//! reciprocal act ("France and Germany signed an agreement", "X and Y met") the co-subject is
//! the other party. And an event is an act between political actors: where neither the source
//! nor the target has an actor code (a private person, a company, an unknown group), nothing is
//! coded, however clear the verb.

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::{Document, Mode};

/// (CAMEO code, source code, target code) of each event.
fn triples(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String)> {
    let analysis = pipeline.analyze(Document::from_text(text));
    let code = |a: Option<&dyad_types::Actor>| {
        a.and_then(|a| a.code.clone()).unwrap_or_else(|| "-".into())
    };
    analysis
        .events
        .iter()
        .map(|e| {
            (
                e.cameo.clone(),
                code(Some(&e.source)),
                code(e.target.as_ref()),
            )
        })
        .collect()
}

/// Whether `events` hold the triple (CAMEO code, source code, target code).
fn has_triple(
    events: &[(String, String, String)],
    (code, source, target): (&str, &str, &str),
) -> bool {
    events
        .iter()
        .any(|(c, s, t)| (c.as_str(), s.as_str(), t.as_str()) == (code, source, target))
}

/// (CAMEO code, mode) of each event.
fn modes(pipeline: &Pipeline, text: &str) -> Vec<(String, Mode)> {
    pipeline
        .analyze(Document::from_text(text))
        .events
        .iter()
        .map(|e| (e.cameo.clone(), e.mode))
        .collect()
}

#[test]
fn a_co_subject_is_the_other_party_only_in_a_reciprocal_act() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let appeal = triples(
        &pipeline,
        "France and Germany called for an international inquiry on Monday.",
    );
    assert!(
        appeal
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "FRA" && t == "-"),
        "{appeal:?}"
    );
    let met = triples(&pipeline, "France and Germany met in Brussels on Monday.");
    assert!(
        met.iter()
            .any(|(c, s, t)| c.starts_with("04") && s == "FRA" && t == "DEU"),
        "{met:?}"
    );
    // Each co-subject acts: the second one too, upon the first in a reciprocal act.
    assert!(
        met.iter()
            .any(|(c, s, t)| c.starts_with("04") && s == "DEU" && t == "FRA"),
        "{met:?}"
    );
    assert!(
        appeal
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "DEU" && t == "-"),
        "{appeal:?}"
    );
    let three = triples(
        &pipeline,
        "Britain, France and Germany urged Iran to stop enrichment on Monday.",
    );
    for source in ["GBR", "FRA", "DEU"] {
        assert!(has_triple(&three, ("020", source, "IRN")), "{three:?}");
    }
    // The parse's second subject of one verb after "and" is a co-subject, not a target.
    let condemned = triples(&pipeline, "France and Germany condemned the attack.");
    assert!(has_triple(&condemned, ("111", "DEU", "-")), "{condemned:?}");
    assert!(
        condemned.iter().all(|(_, _, t)| t != "DEU"),
        "{condemned:?}"
    );
}

#[test]
fn who_is_called_on_to_act_has_not_acted() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(&pipeline, "France called on Russia to condemn the attack.");
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "FRA" && t == "RUS"),
        "{coded:?}"
    );
    assert!(
        !coded.iter().any(|(c, _, _)| c.starts_with("11")),
        "{coded:?}"
    );
}

#[test]
fn an_event_needs_an_actor_with_a_code() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let private = triples(
        &pipeline,
        "Laura Smith criticised her neighbour Peter Jones on Monday.",
    );
    assert!(private.is_empty(), "{private:?}");
    // The same act against a government is coded, with the critic left uncoded.
    let public = triples(
        &pipeline,
        "Laura Smith criticised the French government on Monday.",
    );
    assert!(
        public
            .iter()
            .any(|(c, s, t)| c.starts_with("11") && s == "-" && t == "FRAGOV"),
        "{public:?}"
    );
}

#[test]
fn attacking_a_place_is_force_and_criticising_a_plan_is_not() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // Passive: the place attacked comes before the trigger, and the agent noun ("men") is no
    // actor itself but is modified by one (the refugees in the subject are not the source).
    let camp = triples(
        &pipeline,
        "The northern camp of Rwandan refugees was attacked by Burundian men on Friday.",
    );
    assert!(
        camp.iter()
            .any(|(c, s, _)| c.starts_with("19") && s.starts_with("BDI")),
        "{camp:?}"
    );
    let plan = triples(&pipeline, "France attacked the German plan on Monday.");
    assert!(
        plan.iter().all(|(c, _, _)| !c.starts_with("19")),
        "{plan:?}"
    );
}

#[test]
fn jailing_and_blockades_are_coercion_and_a_crowd_of_a_group_is_the_group() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let jailed = triples(
        &pipeline,
        "Kenyan police jailed twelve Somali traders in Nairobi on Monday.",
    );
    assert!(
        jailed
            .iter()
            .any(|(c, s, _)| c == "173" && s.starts_with("KEN")),
        "{jailed:?}"
    );
    let blockade = triples(
        &pipeline,
        "Turkey reimposed a blockade on Armenia on Tuesday.",
    );
    assert!(
        blockade
            .iter()
            .any(|(c, s, t)| c == "191" && s == "TUR" && t.starts_with("ARM")),
        "{blockade:?}"
    );
    // "Tens of thousands of Chilean miners": the miners, two quantity nouns up.
    let crowd = triples(
        &pipeline,
        "Tens of thousands of Chilean miners accused the government of Peru of lying.",
    );
    assert!(
        crowd
            .iter()
            .any(|(c, s, _)| c.starts_with("11") && s.starts_with("CHL")),
        "{crowd:?}"
    );
}

#[test]
fn seeking_asylum_is_an_appeal_for_humanitarian_aid() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Hundreds of Eritrean conscripts sought asylum in Ethiopia after the border reopened.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, _)| c == "0233" && s.starts_with("ERI")),
        "{found:?}"
    );
}

#[test]
fn members_and_delegations_of_a_body_act_for_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let members = triples(
        &pipeline,
        "Members of the Norwegian parliament visited Kenya on Tuesday to discuss aid.",
    );
    assert!(
        members
            .iter()
            .any(|(c, s, t)| c.starts_with("04") && s.starts_with("NOR") && t.starts_with("KEN")),
        "{members:?}"
    );
}

#[test]
fn a_name_followed_by_a_known_acronym_is_that_institution() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "The Northern Atlantic Treaty Alliance (NATO) condemned Serbia on Tuesday.",
    ));
    let sources: Vec<(String, Option<String>)> = analysis
        .events
        .iter()
        .map(|e| (e.source.text.clone(), e.source.code.clone()))
        .collect();
    assert!(
        sources
            .iter()
            .any(|(text, code)| text.contains("Alliance") && code.as_deref() == Some("IGOWSTNAT")),
        "{sources:?}"
    );
}

#[test]
fn an_attack_that_kills_is_the_act_of_an_unidentified_armed_force() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "A roadside bombing near Kandahar killed two Canadian soldiers on Sunday.",
    ));
    let found: Vec<(String, String, Option<String>, Vec<String>)> = analysis
        .events
        .iter()
        .map(|e| {
            (
                e.cameo.clone(),
                e.source.text.clone(),
                e.target.as_ref().and_then(|t| t.code.clone()),
                e.source.roles.clone(),
            )
        })
        .collect();
    assert!(
        found.iter().any(|(c, s, t, roles)| c.starts_with("19")
            && s == "A roadside bombing"
            && t.as_deref() == Some("CANMIL")
            && roles == &["UAF".to_string()]),
        "{found:?}"
    );
    // A subject that is no attack codes nothing without an actor.
    assert!(triples(
        &pipeline,
        "The long winter near Kandahar killed two Canadian soldiers on Sunday."
    )
    .is_empty());
}

#[test]
fn an_attack_between_political_rivals_is_criticism_and_an_armed_one_is_force() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let verbal = triples(
        &pipeline,
        "The Conservative Party launched an attack on Labour's spending plans on Monday.",
    );
    assert!(
        verbal.iter().any(|(c, _, _)| c == "111") && verbal.iter().all(|(c, _, _)| c != "190"),
        "{verbal:?}"
    );
    let armed = triples(
        &pipeline,
        "FARC rebels launched an attack on the Colombian army on Monday.",
    );
    assert!(armed.iter().any(|(c, _, _)| c == "190"), "{armed:?}");
    // Those who bear no arms clash in words, whoever they clash with.
    let judge = triples(
        &pipeline,
        "French judges clashed with the Italian government over the extradition.",
    );
    assert!(
        judge.iter().any(|(c, s, _)| c == "111" && s == "FRAJUD")
            && judge.iter().all(|(c, _, _)| c != "190"),
        "{judge:?}"
    );
    // A party out to destroy a rival party destroys no property.
    let destroy = triples(
        &pipeline,
        "The Liberal Democrats vowed on Monday to destroy the Conservative Party.",
    );
    assert!(
        destroy.iter().any(|(c, _, _)| c.starts_with("11"))
            && destroy.iter().all(|(c, _, _)| !c.starts_with("17")),
        "{destroy:?}"
    );
}

#[test]
fn a_cool_reception_and_a_seized_chance_are_no_meeting_and_no_seizure() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French government's proposals met with disapproval from Germany on Monday.",
        "The Russian government seized the initiative on Monday.",
    ] {
        let coded = triples(&pipeline, text);
        assert!(
            coded
                .iter()
                .all(|(c, _, _)| !c.starts_with("04") && !c.starts_with("17")),
            "{text}: {coded:?}"
        );
    }
    let seized = triples(
        &pipeline,
        "The Russian navy seized a Ukrainian ship on Monday.",
    );
    assert!(
        seized.iter().any(|(c, _, _)| c.starts_with("17")),
        "{seized:?}"
    );
}

#[test]
fn co_subjects_acting_on_an_object_of_their_own_are_not_each_others_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let calls = triples(
        &pipeline,
        "France and Germany are telephoning millions of voters.",
    );
    assert!(
        calls.iter().all(|(_, s, t)| !(s == "FRA" && t == "DEU")),
        "{calls:?}"
    );
    let signed = triples(
        &pipeline,
        "France and Germany signed an agreement on Monday.",
    );
    assert!(
        signed.iter().any(|(_, s, t)| s == "FRA" && t == "DEU"),
        "{signed:?}"
    );
}

#[test]
fn a_participle_used_as_an_adjective_is_no_act_of_the_clause_subject() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "France has called on Russia to protect the detained men.",
        "France met the detained men in Moscow.",
    ] {
        let coded = triples(&pipeline, text);
        assert!(
            coded.iter().any(|(_, s, _)| s == "FRA"),
            "{text}: {coded:?}"
        );
        // Nobody in the sentence detained them.
        assert!(
            !coded.iter().any(|(c, _, _)| c.starts_with("17")),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn bare_ministers_are_the_main_countrys_but_not_those_a_name_qualifies() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Britain's opposition urged ministers to act.";
    let bare = triples(&pipeline, text);
    assert!(
        bare.iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "GBROPP" && t == "GBRGOV"),
        "{bare:?}"
    );
    let text = "Britain's opposition urged G7 ministers to act.";
    let qualified = triples(&pipeline, text);
    assert!(
        qualified.iter().all(|(_, _, t)| t != "GBRGOV"),
        "{qualified:?}"
    );
}

#[test]
fn a_group_named_by_its_role_alone_is_coded_by_the_role() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let killed = triples(
        &pipeline,
        "Masked gunmen killed two Canadian soldiers on Sunday.",
    );
    assert!(
        killed
            .iter()
            .any(|(c, s, t)| c.starts_with("19") && s == "UAF" && t == "CANMIL"),
        "{killed:?}"
    );
    let arrested = triples(&pipeline, "Police arrested twenty protesters on Monday.");
    assert!(
        arrested
            .iter()
            .any(|(c, s, t)| c.starts_with("17") && s == "COP" && t == "OPP"),
        "{arrested:?}"
    );
    // Not a role word modifying another noun, nor one a possessor or noun qualifies, nor
    // people at large.
    let station = triples(&pipeline, "Rebels attacked a police station on Monday.");
    assert!(station.iter().all(|(_, _, t)| t != "COP"), "{station:?}");
    let offered = triples(
        &pipeline,
        "France offered its peacekeeping troops to Lebanon on Monday.",
    );
    assert!(offered.iter().all(|(_, _, t)| t != "MIL"), "{offered:?}");
    let people = triples(&pipeline, "People criticised the French government.");
    assert!(people.iter().all(|(_, s, _)| s != "CVL"), "{people:?}");
}

#[test]
fn who_governs_the_clause_of_a_harsh_statement_is_not_its_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French president had decided to support the plans as the police said they would \
         help fight terror, crime and illegal immigration.",
    );
    assert!(
        coded
            .iter()
            .all(|(c, _, t)| !(c.starts_with("11") && t == "FRAGOV")),
        "{coded:?}"
    );
    // After what was said, the one spoken against is in it.
    let inverted = triples(
        &pipeline,
        "The French president is incompetent and dishonest, say the Tories.",
    );
    assert!(
        inverted.iter().any(|(c, _, t)| c == "111" && t == "FRAGOV"),
        "{inverted:?}"
    );
}

#[test]
fn a_pronoun_in_words_quoted_verbatim_is_not_their_speaker() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The German chancellor visited Madrid on Monday. The French president said on \
         Tuesday: \"He has apologised to Spain and I think the matter is closed.\"",
    );
    assert!(
        coded.iter().any(|(c, s, _)| c == "055" && s == "DEUGOV"),
        "{coded:?}"
    );
    assert!(
        coded.iter().all(|(c, s, _)| !(c == "055" && s == "FRAGOV")),
        "{coded:?}"
    );
}

#[test]
fn a_statement_reporting_an_event_is_no_criticism_of_its_own() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // The harsh words are inside the warning reported: they are the warner's, and a
    // judgement of how a plan would be is no threat either.
    let reported = triples(
        &pipeline,
        "The French president says the Spanish prime minister warned the German chancellor \
         that the plan could be illegal.",
    );
    assert!(
        reported.iter().all(|(c, _, _)| !c.starts_with("13")),
        "{reported:?}"
    );
    assert!(
        reported.iter().all(|(c, _, _)| !c.starts_with("11")),
        "{reported:?}"
    );
    // The harsh words are about what was done: the statement criticises who did it.
    let about = triples(
        &pipeline,
        "The French president said the Spanish government had been wrong to dismiss the \
         concerns of farmers.",
    );
    assert!(
        about
            .iter()
            .any(|(c, s, t)| c == "111" && s == "FRAGOV" && t == "ESPGOV"),
        "{about:?}"
    );
}

#[test]
fn a_noun_event_under_a_verb_of_doing_it_is_the_subjects() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French government speeded up the withdrawal of its troops from Chad on Monday.",
        "The French government completed the withdrawal of its troops from Chad on Monday.",
    ] {
        let coded = triples(&pipeline, text);
        assert!(
            coded.iter().any(|(c, s, _)| c == "087" && s == "FRAGOV"),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn a_passive_killing_by_a_blast_is_the_act_of_an_unidentified_armed_force() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Two Canadian soldiers were killed by a roadside bomb near Kandahar on Sunday.",
        "Two Canadian soldiers were killed in a car bomb explosion near Kandahar on Sunday.",
    ] {
        let analysis = pipeline.analyze(Document::from_text(text));
        let found: Vec<(String, Vec<String>, Option<String>)> = analysis
            .events
            .iter()
            .map(|e| {
                (
                    e.cameo.clone(),
                    e.source.roles.clone(),
                    e.target.as_ref().and_then(|t| t.code.clone()),
                )
            })
            .collect();
        assert!(
            found.iter().any(|(c, roles, t)| c.starts_with("19")
                && roles == &["UAF".to_string()]
                && t.as_deref() == Some("CANMIL")),
            "{text}: {found:?}"
        );
    }
    // Killed, by no one the sentence names: no event.
    let unnamed = triples(
        &pipeline,
        "Two Canadian soldiers were killed near Kandahar on Sunday.",
    );
    assert!(unnamed.is_empty(), "{unnamed:?}");
}

#[test]
fn radicals_continuing_a_hunger_strike_are_its_source() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Islamic fundamentalists continued their hunger strike in Algiers on Monday.",
    );
    assert!(
        coded.iter().any(|(c, s, _)| c == "142" && s == "RAD"),
        "{coded:?}"
    );
}

#[test]
fn a_passive_verb_acts_upon_its_subject_not_a_later_mention() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Two French hostages were released without charge by Iraqi police on their return from Syria.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("08") && s == "IRQCOP" && t.starts_with("FRA")),
        "{coded:?}"
    );
}

#[test]
fn a_subject_right_before_the_auxiliaries_is_the_triggers_own() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "On Thursday, Mr Chirac told BBC Radio 4's Today programme Mr Schroeder had initially \
         refused the law change, then had come round to the idea.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "DEUGOV"),
        "{coded:?}"
    );
    assert!(
        coded
            .iter()
            .all(|(c, s, _)| !(c.starts_with("12") && s == "FRAGOV")),
        "{coded:?}"
    );
}

#[test]
fn an_office_of_a_named_country_is_that_countrys() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "President Donald Trump spoke on Saturday. The government of Venezuela condemned the \
         statement as a threat.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, _)| c.starts_with("11") && s == "VENGOV"),
        "{coded:?}"
    );
}

#[test]
fn a_subject_with_a_preposition_is_no_subject() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "President Donald Trump said on Saturday that the airspace above and around Venezuela \
         should be considered closed in its entirety.",
    );
    assert!(coded.iter().all(|(_, s, _)| s != "VEN"), "{coded:?}");
}

#[test]
fn an_office_holder_named_by_a_possessive_pronoun_is_someone_else_of_that_country() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let praised = triples(
        &pipeline,
        "The French president Jacques Chirac praised his prime minister for the reform.",
    );
    assert!(
        praised
            .iter()
            .any(|(c, s, t)| c.starts_with("05") && s == "FRAGOV" && t == "FRAGOV"),
        "{praised:?}"
    );
    // A named person and an office holder nobody named are two people, even of one code.
    let criticised = triples(
        &pipeline,
        "The French president Jacques Chirac criticised the French prime minister in Paris.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("11") && s == "FRAGOV" && t == "FRAGOV"),
        "{criticised:?}"
    );
    // The person and his own pronoun remain one actor.
    let himself = triples(
        &pipeline,
        "The French president Jacques Chirac said he would defend him.",
    );
    assert!(
        himself
            .iter()
            .all(|(_, s, t)| !(s == "FRAGOV" && t == "FRAGOV")),
        "{himself:?}"
    );
}

#[test]
fn a_role_of_a_known_person_is_that_persons_countrys() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let declared = triples(
        &pipeline,
        "The military government of President Jacques Chirac declared a state of emergency on Saturday.",
    );
    assert!(
        declared
            .iter()
            .any(|(c, s, _)| c == "1724" && s == "FRAGOV"),
        "{declared:?}"
    );
}

#[test]
fn its_troops_are_the_troops_of_the_country_named_before() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let attack = triples(
        &pipeline,
        "Iran said on Monday its forces would attack Iraq.",
    );
    assert!(
        attack
            .iter()
            .any(|(c, s, t)| c.starts_with("13") && s == "IRNMIL" && t == "IRQ"),
        "{attack:?}"
    );
    // "their" means a plural, and a party's own leaders are the party.
    let met = triples(
        &pipeline,
        "The Conservatives said the French president had praised their leaders on Monday.",
    );
    assert!(
        met.iter()
            .any(|(c, s, t)| c.starts_with("051") && s == "FRAGOV" && t == "GBRPTY"),
        "{met:?}"
    );
    // A country's own troops are what it moves, not whom it acts upon.
    let withdrawn = triples(
        &pipeline,
        "Turkey withdrew its soldiers from Cyprus on Friday.",
    );
    assert!(
        withdrawn
            .iter()
            .any(|(c, s, t)| c.starts_with("087") && s == "TUR" && t == "CYP"),
        "{withdrawn:?}"
    );
}

#[test]
fn ministers_accused_of_a_deed_are_still_the_countrys_ministers() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let accused = triples(
        &pipeline,
        "The British opposition leader spoke in London on Monday. He accused ministers of wasting money on failed projects.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, s, t)| c.starts_with("112") && s == "GBROPP" && t == "GBRGOV"),
        "{accused:?}"
    );
}

#[test]
fn newspapers_and_news_agencies_are_media_of_their_country() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let accused = triples(
        &pipeline,
        "The French president accused an Evening Standard journalist of lying.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, s, t)| c.starts_with("112") && s == "FRAGOV" && t == "GBRMED"),
        "{accused:?}"
    );
    let criticised = triples(
        &pipeline,
        "Xinhua criticised the Japanese government on Monday.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("11") && s == "CHNMED" && t == "JPNGOV"),
        "{criticised:?}"
    );
}

#[test]
fn the_subject_of_a_passive_does_what_its_adjunct_says() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let praised = triples(
        &pipeline,
        "The Spanish foreign minister was heavily criticised on Monday for praising the Cuban government.",
    );
    assert!(
        praised
            .iter()
            .any(|(c, s, t)| c.starts_with("051") && s == "ESPGOV" && t == "CUBGOV"),
        "{praised:?}"
    );
    // A passive participle is done to that subject, not by it.
    let accused = triples(
        &pipeline,
        "Four French citizens were held for three years, accused of links to Hamas.",
    );
    assert!(
        accused
            .iter()
            .all(|(c, s, _)| !(c.starts_with("112") && s.starts_with("FRA"))),
        "{accused:?}"
    );
}

#[test]
fn who_is_praised_or_criticised_for_doing_something_did_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let praised = triples(
        &pipeline,
        "The British prime minister praised Iran for agreeing to suspend its nuclear programme.",
    );
    assert!(
        praised
            .iter()
            .any(|(c, s, _)| c.starts_with("03") && s == "IRN"),
        "{praised:?}"
    );
    assert!(
        praised
            .iter()
            .all(|(c, s, _)| !(c.starts_with("03") && s == "GBRGOV")),
        "{praised:?}"
    );
}

#[test]
fn an_institution_acts_upon_a_group_of_its_own_code() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "The National Audit Office criticised ministers over the delays to the new hospitals.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("111") && s == "GBRGOV" && t == "GBRGOV"),
        "{criticised:?}"
    );
}

#[test]
fn a_director_general_speaks_for_the_body_named_before_the_title() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "Sir John Smith, CBI director general, criticised the chancellor over the new tax.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, _)| c.starts_with("111") && s == "GBRBUS"),
        "{criticised:?}"
    );
}

#[test]
fn a_country_two_clauses_down_or_in_a_clause_apart_is_no_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let called = triples(
        &pipeline,
        "A former British minister has called for a new agency to be set up to monitor French imports.",
    );
    assert!(
        called
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "GBRELI" && t == "-"),
        "{called:?}"
    );
    let rejected = triples(
        &pipeline,
        "Labour has drawn up a plan for ensuring students who hope to study in France have places that are funded, but have rejected new fees.",
    );
    assert!(
        rejected
            .iter()
            .any(|(c, s, t)| c.starts_with("12") && s == "GBRPTY" && t == "-"),
        "{rejected:?}"
    );
    // A verb's own complement and a condition stay open.
    let threatened = triples(
        &pipeline,
        "Russia threatened to stop talks to cut nuclear weapons if the United States goes ahead with its plans.",
    );
    assert!(
        threatened
            .iter()
            .any(|(c, s, t)| c.starts_with("13") && s == "RUS" && t == "USA"),
        "{threatened:?}"
    );
}

#[test]
fn european_leaders_are_european_governments() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "The Russian president criticised European leaders over the new sanctions.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("111") && s == "RUSGOV" && t == "EURGOV"),
        "{criticised:?}"
    );
}

#[test]
fn a_name_right_after_a_partys_is_its_member() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "Lib Dem John Davies criticised the French government over the new tax.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("111") && s == "GBRPTY" && t == "FRAGOV"),
        "{criticised:?}"
    );
}

#[test]
fn what_a_passive_is_done_to_may_be_an_actors_own() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let welcomed = triples(
        &pipeline,
        "Russia's new offer was welcomed on Friday by the French government.",
    );
    assert!(
        welcomed
            .iter()
            .any(|(c, s, t)| c.starts_with("051") && s == "FRAGOV" && t == "RUS"),
        "{welcomed:?}"
    );
}

#[test]
fn the_agent_of_a_passive_may_follow_by_and_an_article() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "The Iraqi government was criticised on Monday by the Scottish National Party.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("111") && s == "GBRPTY" && t == "IRQGOV"),
        "{criticised:?}"
    );
}

#[test]
fn an_object_pronoun_is_not_the_subject_of_its_own_clause() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let accused = triples(
        &pipeline,
        "Tony Blair wrote to Jacques Chirac on Monday accusing him of an error of judgement.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, s, t)| c.starts_with("112") && s == "GBRGOV" && t == "FRAGOV"),
        "{accused:?}"
    );
}

#[test]
fn a_relative_pronoun_subject_is_the_mention_before_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let accused = triples(
        &pipeline,
        "The plan was attacked by the Scottish National Party, which accused Tony Blair of betraying voters.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, s, t)| c.starts_with("112") && s == "GBRPTY" && t == "GBRGOV"),
        "{accused:?}"
    );
}

#[test]
fn the_body_a_verb_acts_upon_does_what_its_for_gerund_says() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let refused = triples(
        &pipeline,
        "Tony Blair has suspended the town's Conservative association for refusing to meet the French president.",
    );
    assert!(
        refused
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "GBRPTY"),
        "{refused:?}"
    );
    assert!(
        !refused
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "GBRGOV"),
        "{refused:?}"
    );
}

#[test]
fn a_body_set_up_to_act_acts_not_the_one_who_chairs_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Tony Blair also chaired the 1999 tribunal set up to investigate the Iraqi government.",
        "Lord Butler chaired the inquiry set up to investigate the French government.",
    ] {
        let chaired = triples(&pipeline, text);
        assert!(
            !chaired.iter().any(|(c, _, _)| c.starts_with("09")),
            "{text}: {chaired:?}"
        );
    }
}

#[test]
fn bare_officials_acted_upon_are_the_main_countrys_government() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let accused = triples(
        &pipeline,
        "Britain and London were named. The Liberal Democrats accused officials of a failure of judgement.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, s, t)| c.starts_with("112") && s == "GBRPTY" && t == "GBRGOV"),
        "{accused:?}"
    );
    // As a subject they may be anyone's.
    let said = triples(
        &pipeline,
        "Britain and London were named. Officials criticised the Liberal Democrats.",
    );
    assert!(!said.iter().any(|(_, s, _)| s == "GBRGOV"), "{said:?}");
}

#[test]
fn the_subject_of_a_concession_is_no_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let apology = triples(
        &pipeline,
        "The French president said he would not apologise even if Tony Blair asked.",
    );
    assert!(
        apology
            .iter()
            .any(|(c, s, t)| c.starts_with("055") && s == "FRAGOV" && t == "-"),
        "{apology:?}"
    );
}

#[test]
fn a_pronoun_means_the_subject_of_the_main_clause_before_a_subordinate_ones() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "Speaking in the Commons after the French president had left, Tony Blair praised the plan. But he criticised the Russian government.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("111") && s == "GBRGOV" && t == "RUSGOV"),
        "{criticised:?}"
    );
}

#[test]
fn a_harsh_statement_criticises_only_someone_it_speaks_of() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let claimed = triples(
        &pipeline,
        "The bill, which ministers claim will tackle crime, terrorism and illegal immigration, is expected to be opposed by the Liberal Democrats.",
    );
    assert!(
        !claimed.iter().any(|(c, _, t)| c == "111" && t == "GBRPTY"),
        "{claimed:?}"
    );
}

#[test]
fn one_member_of_an_armed_or_protesting_group_is_an_actor_of_its_role() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let shot = triples(
        &pipeline,
        "Gunmen shot dead a policeman in Basra on Monday.",
    );
    assert!(
        shot.iter()
            .any(|(_, s, t)| s == "UAF" && t.ends_with("COP")),
        "{shot:?}"
    );
    let arrested = triples(&pipeline, "Police arrested a protester in Minsk on Monday.");
    assert!(
        arrested
            .iter()
            .any(|(c, _, t)| c == "173" && t.ends_with("OPP")),
        "{arrested:?}"
    );
    // A singular of any other role names one person, not the group: no actor.
    let priest = triples(&pipeline, "Gunmen shot dead a priest on Monday.");
    assert!(priest.iter().all(|(_, _, t)| t == "-"), "{priest:?}");
}

#[test]
fn one_of_a_group_acts_for_it_and_a_participle_after_a_comma_is_no_next_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let rejected = triples(
        &pipeline,
        "A call for more women MPs was rejected by one of Labour's most senior figures on Monday.",
    );
    assert!(
        rejected
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "GBRPTY"),
        "{rejected:?}"
    );
    // The one appealing for a hostage did not take the hostage.
    let appeal = triples(
        &pipeline,
        "Former Labour MP John Smith has appealed for the release of aid worker Mary Jones, kidnapped in Iraq.",
    );
    assert!(
        appeal.iter().all(|(c, _, _)| !c.starts_with("18")),
        "{appeal:?}"
    );
    // A list of deeds keeps its subject.
    let list = triples(
        &pipeline,
        "The French president has visited Iraq, met Iraqi leaders and praised the Iraqi government.",
    );
    assert!(
        list.iter().any(|(c, s, _)| c == "040" && s == "FRAGOV"),
        "{list:?}"
    );
}

#[test]
fn those_a_deed_called_wrong_is_done_to_are_not_the_ones_criticised() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let embargo = triples(
        &pipeline,
        "The German chancellor said it was wrong to keep Cuba under a trade embargo.",
    );
    assert!(
        embargo.iter().all(|(c, _, t)| !(c == "111" && t == "CUB")),
        "{embargo:?}"
    );
    // The one who did wrong still is.
    let ignored = triples(
        &pipeline,
        "The German chancellor said the Cuban government was wrong to ignore the warnings.",
    );
    assert!(
        ignored.iter().any(|(c, _, t)| c == "111" && t == "CUBGOV"),
        "{ignored:?}"
    );
}

#[test]
fn what_one_may_do_or_does_oneself_is_no_deed_or_demand_and_a_listed_gerund_is_the_accuseds() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let right = triples(
        &pipeline,
        "The Polish opposition has a right to criticise the Russian government.",
    );
    assert!(right.iter().all(|(c, _, _)| c != "111"), "{right:?}");
    let own = triples(
        &pipeline,
        "The French foreign minister told Italian television: \"I am resigning because I disagree.\"",
    );
    assert!(own.iter().all(|(c, _, _)| c != "1041"), "{own:?}");
    let asked = triples(
        &pipeline,
        "The French foreign minister told the Italian president to resign.",
    );
    assert!(asked.iter().any(|(c, _, _)| c == "1041"), "{asked:?}");
    let accused = triples(
        &pipeline,
        "France accused Germany of ignoring the treaty and attacking Poland.",
    );
    assert!(
        accused.iter().any(|(_, s, t)| s == "DEU" && t == "POL"),
        "{accused:?}"
    );
}

#[test]
fn a_participle_after_the_object_modifies_it_and_a_deed_judged_right_was_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let release = triples(
        &pipeline,
        "Amnesty International called on the Egyptian government to release men indefinitely detained in Egypt without trial.",
    );
    assert!(
        release
            .iter()
            .all(|(c, _, _)| !c.starts_with("17") && !c.starts_with("13")),
        "{release:?}"
    );
    let rejected = triples(
        &pipeline,
        "The French president said Germany was right to reject the Russian plan.",
    );
    assert!(
        rejected
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "DEU"),
        "{rejected:?}"
    );
}

#[test]
fn a_question_put_to_someone_is_no_deed_and_a_say_on_whether_is_no_demand() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let asked = triples(
        &pipeline,
        "The Russian president was asked whether he would welcome the Chinese leader.",
    );
    assert!(asked.iter().all(|(_, _, t)| t != "CHNGOV"), "{asked:?}");
    let welcomed = triples(
        &pipeline,
        "The Russian president said he would welcome the Chinese leader.",
    );
    assert!(
        welcomed.iter().any(|(_, _, t)| t == "CHNGOV"),
        "{welcomed:?}"
    );
    let say = triples(
        &pipeline,
        "Welsh ministers insist they will have the final say on whether a new prison will be built in Wales.",
    );
    assert!(say.iter().all(|(c, _, _)| !c.starts_with("10")), "{say:?}");
}

#[test]
fn rebel_leaders_are_rebels_and_a_welcome_is_hosting_or_praise_by_what_is_welcomed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let rebels = triples(&pipeline, "Chadian rebel leaders met the French envoy.");
    assert!(rebels.iter().any(|(_, s, _)| s == "TCDREB"), "{rebels:?}");
    let visitor = triples(
        &pipeline,
        "The Italian premier gave a warm welcome on Monday to the Brazilian president.",
    );
    assert!(visitor.iter().any(|(c, _, _)| c == "043"), "{visitor:?}");
    let statement = triples(
        &pipeline,
        "The Spanish government welcomed the Mexican president's latest statement.",
    );
    assert!(
        statement.iter().any(|(c, _, _)| c == "051"),
        "{statement:?}"
    );
}

#[test]
fn a_mediation_undertaken_an_attempt_made_and_a_deed_offered_on_a_condition() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let mission = triples(
        &pipeline,
        "The Norwegian foreign minister undertook a mediation mission between Sudan and Chad.",
    );
    assert!(mission.iter().any(|(c, _, _)| c == "045"), "{mission:?}");
    let tried = triples(
        &pipeline,
        "Syrian troops have tried to attack Lebanese army posts, officials said.",
    );
    assert!(
        tried
            .iter()
            .any(|(c, s, _)| c.starts_with("19") && s == "SYRMIL"),
        "{tried:?}"
    );
    let trying = triples(
        &pipeline,
        "Syrian troops are trying to attack Lebanese army posts, officials said.",
    );
    assert!(
        trying.iter().all(|(c, _, _)| !c.starts_with("19")),
        "{trying:?}"
    );
    let offered = triples(
        &pipeline,
        "Somali rebel leaders said they would meet the Kenyan president if he gave them a veto.",
    );
    assert!(offered.iter().any(|(c, _, _)| c == "036"), "{offered:?}");
}

#[test]
fn a_prospect_a_view_shared_and_a_spouse_met_are_no_events() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let prospect = triples(
        &pipeline,
        "But there is still \"little prospect\" of America agreeing to cut emissions, which could anger campaigners.",
    );
    assert!(prospect.is_empty(), "{prospect:?}");
    let shared = triples(
        &pipeline,
        "The Irish police chief said he did not agree with politicians who have objected to the law.",
    );
    assert!(shared.is_empty(), "{shared:?}");
    let undertaken = triples(
        &pipeline,
        "The French president said he had agreed with the Italian prime minister to cooperate on research.",
    );
    assert!(
        undertaken.iter().any(|(c, _, _)| c.starts_with("03")),
        "{undertaken:?}"
    );
    let wife = triples(
        &pipeline,
        "In Paris the French president met his future wife, a Belgian diplomat.",
    );
    assert!(wife.iter().all(|(c, _, _)| c != "040"), "{wife:?}");
}

#[test]
fn a_possible_deed_its_doer_tells_of_is_an_intent_or_a_threat() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let aid = triples(
        &pipeline,
        "The Japanese prime minister has said the government could give millions of dollars in aid to Indonesia.",
    );
    assert!(aid.iter().any(|(c, _, _)| c.starts_with("03")), "{aid:?}");
    assert!(aid.iter().all(|(c, _, _)| !c.starts_with("07")), "{aid:?}");
}

#[test]
fn a_thing_owned_by_its_or_their_is_aimed_at_the_owner_named_before() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let record = triples(
        &pipeline,
        "The French president praised the Italian government's budget and criticised its record on the World Bank.",
    );
    assert!(
        record.iter().any(|(c, _, t)| c == "111" && t == "ITAGOV"),
        "{record:?}"
    );
    // The source's own "its" owning no actor leaves the search for one.
    let partners = triples(
        &pipeline,
        "Denmark today accepted a plan for ending its fishing dispute with its European Union partners.",
    );
    assert!(
        partners
            .iter()
            .any(|(c, _, t)| c == "030" && t == "IGOEUREEC"),
        "{partners:?}"
    );
}

#[test]
fn a_bracketed_acronym_after_a_body_named_by_its_country_and_office_names_it_later() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let later = triples(
        &pipeline,
        "The Palestinian Authority (PA) opened a school in the town. Egypt sharply criticised the PA on Monday.",
    );
    assert!(
        later
            .iter()
            .any(|(c, s, t)| c == "111" && s == "EGY" && t == "PSEGOV"),
        "{later:?}"
    );
    // An acronym not made of the name's initials names some other body.
    let other = triples(
        &pipeline,
        "The council extended the force in Lebanon (UNIFIL) on Friday. Israel sharply criticised UNIFIL on Monday.",
    );
    assert!(other.iter().all(|(_, _, t)| t != "LBN"), "{other:?}");
}

#[test]
fn a_warning_of_how_a_thing_would_be_is_no_threat_but_one_of_what_they_would_suffer_is() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let judgement = triples(
        &pipeline,
        "The Dutch attorney general warned France in March that the war could be illegal.",
    );
    assert!(
        judgement.iter().all(|(c, _, _)| c != "130"),
        "{judgement:?}"
    );
    // Nor does one who tells of it criticise anyone with its words.
    let told = triples(
        &pipeline,
        "The Dutch foreign minister says the Dutch attorney general warned France in March that the war could be illegal.",
    );
    assert!(told.is_empty(), "{told:?}");
    let threat = triples(
        &pipeline,
        "The French president warned the Chadian rebels they would be sorry.",
    );
    assert!(threat.iter().any(|(c, _, _)| c == "130"), "{threat:?}");
}

#[test]
fn the_allies_or_critics_of_an_actor_are_not_that_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French president's critics accused the Spanish government of lying.",
        "The news comes despite the French president's allies saying they had enough support to hold a meeting.",
    ] {
        let found = triples(&pipeline, text);
        assert!(found.iter().all(|(_, s, _)| s != "FRAGOV"), "{text}: {found:?}");
    }
}

#[test]
fn a_persons_possessive_before_a_country_names_the_person_alone() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let trip = triples(
        &pipeline,
        "French Foreign Minister Michel Barnier arrived on Monday. Italian Prime Minister Silvio Berlusconi praised the plan. Mr Barnier's China trip is part of regular meetings. He will meet Chinese counterpart Li Zhaoxing on Tuesday.",
    );
    assert!(
        trip.iter()
            .any(|(c, s, t)| c == "036" && s == "FRAGOV" && t == "CHNGOV"),
        "{trip:?}"
    );
}

#[test]
fn peace_that_lies_in_something_is_no_lie() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "The French president understood that \"the best hope of peace lies in the spread of democracy\", the German chancellor told the Italian government.",
    );
    assert!(found.iter().all(|(c, _, _)| c != "111"), "{found:?}");
}

#[test]
fn what_was_refused_is_not_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French government refused to order a full inquiry.",
        "The family won a challenge against the French government's refusal to order a full inquiry.",
    ] {
        let found = triples(&pipeline, text);
        assert!(found.iter().any(|(c, _, _)| c == "120"), "{text}: {found:?}");
        assert!(found.iter().all(|(c, _, _)| !c.starts_with("09")), "{text}: {found:?}");
    }
}

#[test]
fn a_named_treaty_or_declaration_is_no_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "The French government rejected the Zorbex Protocol on Monday.",
    ));
    let rejection = analysis.events.iter().find(|e| e.cameo == "120");
    assert!(
        rejection.is_some_and(|e| e.target.is_none()),
        "{:?}",
        analysis.events
    );
}

#[test]
fn what_it_is_fair_or_impossible_to_do_is_no_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Lord Falconer said it was fair to criticise the Conservatives.",
        "The French minister said it was pointless to threaten Iran.",
        "The French minister said it was impossible to come here and demand money from the British government.",
    ] {
        let found = triples(&pipeline, text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // The same acts, done.
    for (text, code) in [
        ("Lord Falconer criticised the Conservatives.", "111"),
        ("The French minister threatened Iran.", "13"),
        // "it" standing for an actor says what that actor will do.
        (
            "Syria says it is willing to withdraw its troops from Lebanon.",
            "0",
        ),
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().any(|(c, _, _)| c.starts_with(code)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn who_is_asked_or_ordered_to_act_has_not_acted_who_is_forced_to_has() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "British police officers left the warehouse, but were later ordered back to seize the documents.",
        "The Iraqi ambassador was asked to condemn the attacks.",
    ] {
        let found = triples(&pipeline, text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    let analysis = pipeline.analyze(Document::from_text(
        "Home Office minister Beverley Hughes was forced to resign in April.",
    ));
    assert!(
        analysis
            .events
            .iter()
            .any(|e| e.cameo == "0831" && e.mode == Mode::Asserted),
        "{:?}",
        analysis.events
    );
}

#[test]
fn who_is_made_to_act_acts_and_an_unknown_one_acts_unknown() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "The scandal prompted Labour MPs to criticise David Blunkett.",
    ));
    let criticism = analysis.events.iter().find(|e| e.cameo == "111");
    assert!(
        criticism.is_some_and(|e| e.mode == Mode::Asserted
            && e.source.code.as_deref() == Some("GBRLEG")
            && e.target.as_ref().and_then(|t| t.code.as_deref()) == Some("GBRGOV")),
        "{:?}",
        analysis.events
    );
    let analysis = pipeline.analyze(Document::from_text(
        "The affair forced Home Secretary David Blunkett to resign.",
    ));
    assert!(
        analysis.events.iter().any(|e| e.cameo == "0831"
            && e.mode == Mode::Asserted
            && e.source.code.as_deref() == Some("GBRGOV")),
        "{:?}",
        analysis.events
    );
    // The one made to act is no actor: the maker is not taken for him.
    let found = triples(
        &pipeline,
        "Tony Blair forced a fast-food giant to withdraw its portions in the US.",
    );
    assert!(found.iter().all(|(_, s, _)| s != "GBRGOV"), "{found:?}");
    // The one convinced acts, whether the parse makes it an object or an indirect object.
    let found = triples(
        &pipeline,
        "Egypt hopes to convince Israel to release the prisoners.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, _)| c.starts_with("0") && s == "ISR"),
        "{found:?}"
    );
    assert!(found.iter().all(|(_, s, _)| s != "EGY"), "{found:?}");
}

#[test]
fn a_name_made_a_style_modifier_is_no_actor_and_a_critic_aims_past_his_own_country() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Liberal Democrat leader Charles Kennedy spoke on Monday. Britain could not afford \
                the \"reckless, George Bush-style tax cutting spree\" planned by the Tories, he said.";
    let found = triples(&pipeline, text);
    assert!(
        found.contains(&("111".into(), "GBRPTY".into(), "GBRPTY".into())),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(_, s, t)| s != "USAGOV" && t != "USAGOV"),
        "{found:?}"
    );
}

#[test]
fn a_known_persons_code_is_the_one_of_the_events_date() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let target_in = |year: &str| {
        let mut doc =
            Document::from_text(format!("Jim Callaghan criticised Harold Wilson in {year}."));
        doc.published = Some("2005-03-01".into());
        let analysis = pipeline.analyze(doc);
        let event = analysis.events.iter().find(|e| e.cameo == "111");
        event.and_then(|e| e.target.as_ref()?.code.clone())
    };
    // Prime minister in 1968, out of office by 2005 and in 1990.
    assert_eq!(target_in("1968").as_deref(), Some("GBRGOV"));
    assert_eq!(target_in("1990").as_deref(), Some("GBRELI"));
    // A season dates the event to its year.
    assert_eq!(target_in("the autumn of 1968").as_deref(), Some("GBRGOV"));
    // A "former" title is of the article's day; an earlier event's day has its own office.
    let mut doc =
        Document::from_text("Former Tory leader William Hague criticised Tony Blair in 1999.");
    doc.published = Some("2005-03-01".into());
    let analysis = pipeline.analyze(doc);
    let source = analysis
        .events
        .iter()
        .find(|e| e.cameo == "111")
        .and_then(|e| e.source.code.clone());
    assert_eq!(source.as_deref(), Some("GBROPP"), "{:?}", analysis.events);
}

#[test]
fn who_resigned_did_so_from_the_office_the_text_says_they_left() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let codes = |text: &str| {
        let mut doc = Document::from_text(text);
        doc.published = Some("2005-03-01".into());
        let analysis = pipeline.analyze(doc);
        let code = |cameo: &str| {
            let event = analysis.events.iter().find(|e| e.cameo == cameo);
            event.and_then(|e| e.source.code.clone())
        };
        (code("0831"), code("111"))
    };
    // The resignation is the minister's; what she says now, a former minister's.
    let (resigned, criticised) = codes(
        "Former Labour minister Jane Doyle, who resigned from the government last year, \
         spoke on Monday. She criticised Tony Blair.",
    );
    assert_eq!(resigned.as_deref(), Some("GBRGOV"));
    assert_eq!(criticised.as_deref(), Some("GBRELI"));
    // An office the event's date gives stands: the leader of the opposition in 2001.
    let (resigned, _) = codes("Former Tory leader William Hague stepped down in 2001.");
    assert_eq!(resigned.as_deref(), Some("GBROPP"));
    // In the year one office ended and the next began, the one left; unless the text says
    // which.
    let (resigned, _) = codes("Neil Kinnock resigned in 1995 to become a European commissioner.");
    assert_eq!(resigned.as_deref(), Some("GBRLEG"));
    let (resigned, _) = codes("In 1979 Lord Callaghan resigned as Labour leader.");
    assert_eq!(resigned.as_deref(), Some("GBROPP"));
}

#[test]
fn a_country_naming_a_war_is_its_topic_not_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "Tony Blair has rejected calls for the publication of advice on the legality of the Iraq war.",
    ));
    let rejection = analysis.events.iter().find(|e| e.cameo == "120");
    assert!(
        rejection.is_some_and(|e| e.target.is_none()),
        "{:?}",
        analysis.events
    );
    // Named as a party, it still is one.
    let found = triples(
        &pipeline,
        "Tony Blair has rejected calls from Iraq for the publication of advice.",
    );
    assert!(
        found.contains(&("120".into(), "GBRGOV".into(), "IRQ".into())),
        "{found:?}"
    );
}

#[test]
fn it_in_what_a_person_says_in_a_later_verb_of_a_list_is_not_that_person() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Labour MP John Smith said the bill was good and suggested it would demand a \
                response from the government.";
    let found = triples(&pipeline, text);
    assert!(
        found.iter().all(|(c, _, _)| !c.starts_with("10")),
        "{found:?}"
    );
    // Nor a "he" nobody knows.
    let analysis = pipeline.analyze(Document::from_text(
        "The British government said it supported the idea. Mr Sundar Katwala said the change \
         was overdue. He said he hoped the bill would be a \"gentle nudge\" to the government \
         and suggested it would \"demand a response\".",
    ));
    assert!(
        analysis.events.iter().all(|e| !e.cameo.starts_with("10")),
        "{:?}",
        analysis.events
    );
    // A country's "it" is the country.
    let text =
        "Iraq said the talks were over and suggested it would demand compensation from Kuwait.";
    let found = triples(&pipeline, text);
    assert!(
        found.contains(&("100".into(), "IRQ".into(), "KWT".into())),
        "{found:?}"
    );
}

#[test]
fn one_who_agrees_with_nothing_shares_a_view_parties_agreeing_together_agree() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Scottish Liberal Democrat Jim Wallace spoke on Monday. Mr Wallace agreed and said \
                the figures had to be looked at in context.";
    let found = triples(&pipeline, text);
    assert!(
        found.iter().all(|(c, _, _)| !c.starts_with("03")),
        "{found:?}"
    );
    let found = triples(&pipeline, "Britain and France agreed on Monday.");
    assert!(
        found.contains(&("030".into(), "GBR".into(), "FRA".into())),
        "{found:?}"
    );
    let found = triples(
        &pipeline,
        "The French government agreed to withdraw its troops.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, _)| c.starts_with("03") && s == "FRAGOV"),
        "{found:?}"
    );
}

#[test]
fn what_a_demand_asks_in_the_subjunctive_is_not_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "The International Labor Office (ILO) reiterated its demand today that Israel ease \
                restrictions on the movement of Palestinian workers.";
    let found = triples(&pipeline, text);
    assert!(
        found.iter().all(|(c, _, _)| !c.starts_with("08")),
        "{found:?}"
    );
    let text = "The Israeli government eased restrictions on the movement of Palestinian workers.";
    let found = triples(&pipeline, text);
    assert!(
        found
            .iter()
            .any(|(c, s, _)| c.starts_with("08") && s == "ISRGOV"),
        "{found:?}"
    );
}

#[test]
fn who_goes_somewhere_for_talks_takes_part_in_them() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "The Chinese foreign minister flew to Tokyo for talks with Japanese leaders.",
    );
    assert!(
        found.contains(&("046".into(), "CHNGOV".into(), "JPNGOV".into())),
        "{found:?}"
    );
    // Talks only asked for are no talks.
    let found = triples(&pipeline, "Britain stressed the need for talks with Iran.");
    assert!(found.iter().all(|(c, _, _)| c != "046"), "{found:?}");
}

#[test]
fn harsh_words_that_only_set_the_scene_blame_no_one() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text =
        "The British government appointed Sir John Bourn in 2002. Sir John Bourn said: \"In \
                difficult circumstances following the failure of the first competition, English \
                Partnerships and the office of the deputy prime minister have worked hard to get \
                a deal.\"";
    let found = triples(&pipeline, text);
    assert!(found.iter().all(|(c, _, _)| c != "111"), "{found:?}");
    for text in [
        "Labour said the Conservatives had failed the country after years of reckless spending.",
        "Following the collapse of the talks, Britain said Iran was reckless.",
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().any(|(c, _, _)| c == "111"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn what_someone_is_entitled_to_do_is_no_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Mr Prescott said British MPs were entitled to complain about discipline.",
    );
    assert!(found.iter().all(|(c, _, _)| c != "114"), "{found:?}");
    let found = triples(&pipeline, "British MPs complained about discipline.");
    assert!(found.iter().any(|(c, _, _)| c == "114"), "{found:?}");
}

#[test]
fn a_plural_group_and_a_named_person_of_one_code_are_two_parties() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Tory MP Robert Jackson defected to Labour on Saturday. Prime Minister Tony Blair \
                declared himself \"delighted\", saying Mr Jackson would be warmly welcomed by \
                Labour MPs.";
    let analysis = pipeline.analyze(Document::from_text(text));
    let welcome = analysis
        .events
        .iter()
        .find(|e| e.trigger.text == "welcomed");
    assert!(
        welcome.is_some_and(|e| e.source.code.as_deref() == Some("GBRLEG")
            && e.target.as_ref().and_then(|t| t.name.as_deref()) == Some("Robert Jackson")),
        "{:?}",
        analysis.events
    );
}

#[test]
fn an_office_holder_and_the_departments_of_the_government_are_two_parties() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Britain's budget was cut. The chancellor has demanded all government departments \
                make similar savings.";
    let analysis = pipeline.analyze(Document::from_text(text));
    let demand = analysis
        .events
        .iter()
        .find(|e| e.trigger.text == "demanded");
    assert!(
        demand.is_some_and(|e| e.source.code.as_deref() == Some("GBRGOV")
            && e.target.as_ref().and_then(|t| t.code.as_deref()) == Some("GBRGOV")),
        "{:?}",
        analysis.events
    );
}

#[test]
fn support_is_not_given_to_the_one_it_is_against() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "But that is what the Blair government now seeks to do - create a tyranny to defend us \
         from the al-Qaeda tyranny.",
    );
    assert!(found.iter().all(|(_, _, t)| t != "IMGMOS"), "{found:?}");
    let found = triples(
        &pipeline,
        "The British government vowed to defend Kuwait against Iraq.",
    );
    assert!(
        found.iter().any(|(_, s, t)| s == "GBRGOV" && t == "KWT"),
        "{found:?}"
    );
}

#[test]
fn destroying_files_or_e_mails_is_no_attack() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The number of files destroyed by the British Ministry of Defence has risen.",
        "The British Ministry of Defence destroyed thousands of e-mails.",
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().all(|(c, _, _)| !c.starts_with("17")),
            "{text}: {found:?}"
        );
    }
    let found = triples(
        &pipeline,
        "Israeli troops destroyed Palestinian homes in Gaza.",
    );
    assert!(found.iter().any(|(c, _, _)| c == "1712"), "{found:?}");
}

#[test]
fn a_later_gerund_misparsed_under_the_finite_verb_is_done_by_those_accused() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Tory co-chairman Liam Fox spoke on Monday. Dr Fox accused Mr Blair and other \
                Cabinet ministers of telling lies about Tory policies and then attacking the lies.";
    let found = triples(&pipeline, text);
    assert!(
        found.iter().any(|(c, s, _)| c == "111" && s == "GBRGOV"),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(c, s, _)| !(c == "111" && s == "GBRPTY")),
        "{found:?}"
    );
}

#[test]
fn a_body_holding_its_own_meetings_with_no_one_named_consults_no_one() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Britain's two biggest unions are remaining tight-lipped, but the two unions' executives \
         hold their meetings on Wednesday.",
    );
    assert!(
        found.iter().all(|(c, _, _)| !c.starts_with("04")),
        "{found:?}"
    );
    let found = triples(
        &pipeline,
        "The British government held its first meeting with Iran on Wednesday.",
    );
    assert!(
        found.contains(&("040".into(), "GBRGOV".into(), "IRN".into())),
        "{found:?}"
    );
}

#[test]
fn who_a_pledge_says_will_act_is_not_its_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let own = triples(
        &pipeline,
        "US Senator Maria Lopez pledged the Democrats would build more schools next year.",
    );
    assert!(
        !own.iter().any(|(c, _, t)| c.starts_with("03") && t != "-"),
        "{own:?}"
    );
    // A pledge made to someone names its target.
    let made_to = triples(
        &pipeline,
        "The French president pledged Germany his support on Monday.",
    );
    assert!(
        made_to
            .iter()
            .any(|(c, s, t)| c.starts_with("03") && s == "FRAGOV" && t == "DEU"),
        "{made_to:?}"
    );
}

#[test]
fn a_later_verb_of_a_list_does_not_take_what_the_first_acted_on() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Amnesty International criticised Iran's handling of the protests and called for calm.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, _, t)| c.starts_with("11") && t == "IRN"),
        "{coded:?}"
    );
    assert!(
        coded
            .iter()
            .any(|(c, _, t)| c.starts_with("02") && t == "-"),
        "{coded:?}"
    );
    let g8 = triples(
        &pipeline,
        "Amnesty International criticised Iran's handling of the protests and called on G8 nations to act.",
    );
    assert!(
        g8.iter()
            .any(|(c, _, t)| c.starts_with("02") && t.starts_with("IGO")),
        "{g8:?}"
    );
}

#[test]
fn a_law_or_treaty_named_like_a_body_is_no_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "French police arrested the two men under the Public Order Act on Monday.",
        "French police arrested the two men under the Kyoto Protocol on Monday.",
    ] {
        let analysis = pipeline.analyze(Document::from_text(text));
        let arrests: Vec<_> = analysis
            .events
            .iter()
            .filter(|e| e.cameo.starts_with("17"))
            .map(|e| e.target.as_ref().and_then(|t| t.name.clone()))
            .collect();
        assert_eq!(arrests, [None], "{text}");
    }
}

#[test]
fn what_it_would_be_better_to_do_or_a_lot_to_offer_is_no_deed_who_was_right_to_act_did() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French minister said it would have been better to have rejected the German plan.",
        "The French minister said the Italian president still had an immense amount to offer the country.",
        "The French government has nothing to offer Germany.",
    ] {
        let found = triples(&pipeline, text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    let analysis = pipeline.analyze(Document::from_text(
        "Most voters thought the French defence minister had been right to resign from the government.",
    ));
    assert!(
        analysis
            .events
            .iter()
            .any(|e| e.cameo.starts_with("083") && e.mode == Mode::Asserted),
        "{:?}",
        analysis.events
    );
}

#[test]
fn a_title_of_three_modifiers_keeps_its_party() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Lib Dem constitutional affairs committee chairman Alan Beith criticised the French government.";
    let found = triples(&pipeline, text);
    assert_eq!(
        found,
        [(
            "111".to_string(),
            "GBRPTY".to_string(),
            "FRAGOV".to_string()
        )],
        "{text}"
    );
}

#[test]
fn conceding_a_point_is_no_yielding_and_what_one_is_to_do_is_not_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let point = triples(
        &pipeline,
        "The French minister conceded the French police might have arrested the wrong man.",
    );
    assert!(
        !point
            .iter()
            .any(|(c, s, _)| c.starts_with("08") && s == "FRAGOV"),
        "{point:?}"
    );
    let defeat = triples(&pipeline, "The French minister conceded defeat.");
    assert!(
        defeat.iter().any(|(c, s, _)| c == "080" && s == "FRAGOV"),
        "{defeat:?}"
    );
    let analysis = pipeline.analyze(Document::from_text(
        "The French foreign minister is to visit Thailand this week.",
    ));
    assert!(
        analysis
            .events
            .iter()
            .any(|e| e.cameo.starts_with("03") && e.mode == Mode::Future),
        "{:?}",
        analysis.events
    );
}

#[test]
fn a_participle_naming_a_kind_a_clash_with_no_one_and_a_duty_are_no_deeds() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // (The call issued is an appeal; the rallying is none.)
    for (text, none) in [
        (
            "The French president went on to list his achievements and to issue a rallying call to the Socialist Party.",
            "14",
        ),
        (
            "The French president moved his speech to clash with the football final.",
            "",
        ),
        (
            "French police said they had a duty to investigate the two Germans.",
            "",
        ),
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().all(|(c, _, _)| !c.starts_with(none)),
            "{text}: {found:?}"
        );
    }
    // The same verbs acting.
    for (text, code) in [
        (
            "French supporters rallied outside the German embassy.",
            "14",
        ),
        (
            "French police clashed with German protesters in Paris.",
            "1",
        ),
        ("French police will investigate the two Germans.", "0"),
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().any(|(c, _, _)| c.starts_with(code)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn the_subject_of_a_verb_outside_the_triggers_clause_is_not_its_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Labour MP Peter Hale-Smith spoke on Monday. UKIP officials also argue Mr \
                Hale-Smith has not been \"straightforward\" in attacking the party he once wanted to lead.";
    let found = triples(&pipeline, text);
    // The one attacking is Mr Hale-Smith, the MP (not the officials who argue it).
    assert_eq!(
        found,
        [("111".to_string(), "GBRLEG".to_string(), "-".to_string())],
        "{text}"
    );
}

#[test]
fn a_capital_before_an_attack_places_it_and_what_one_resigns_as_is_no_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let placed = triples(&pipeline, "The Rome bombings killed 52 people.");
    assert!(
        placed
            .iter()
            .all(|(_, s, t)| s != "ITAGOV" && t != "ITAGOV"),
        "{placed:?}"
    );
    let own = triples(
        &pipeline,
        "The French minister condemned Washington's attacks on the boats.",
    );
    assert!(own.iter().any(|(_, _, t)| t == "USAGOV"), "{own:?}");
    let resigned = triples(
        &pipeline,
        "The French prime minister resigned as French Socialist Party leader in 2001.",
    );
    assert!(
        resigned.iter().any(|(c, _, t)| c == "0831" && t == "-"),
        "{resigned:?}"
    );
}

#[test]
fn who_went_on_to_act_did_act() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "The French president went on to praise his ministers and to criticise the German government.",
    ));
    let modes: Vec<_> = analysis
        .events
        .iter()
        .map(|e| (e.cameo.clone(), e.mode))
        .collect();
    assert!(
        modes.contains(&("051".to_string(), Mode::Asserted))
            && modes.contains(&("111".to_string(), Mode::Asserted)),
        "{modes:?}"
    );
}

#[test]
fn who_is_set_against_the_one_acted_upon_is_no_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "The French minister praised the mayors rather than the German government.",
    );
    assert!(found.iter().all(|(_, _, t)| t != "DEUGOV"), "{found:?}");
    let named = triples(
        &pipeline,
        "The French minister praised the German government on Monday.",
    );
    assert!(named.iter().any(|(_, _, t)| t == "DEUGOV"), "{named:?}");
}

#[test]
fn what_a_thing_to_be_signed_would_do_is_not_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "Serbia will sign an accord recognising the Kosovo government next year.",
    ));
    assert!(
        !analysis
            .events
            .iter()
            .any(|e| e.cameo.starts_with("05") && e.mode == Mode::Asserted),
        "{:?}",
        analysis.events
    );
    // Done, when the accord was signed.
    let analysis = pipeline.analyze(Document::from_text(
        "Serbia signed an accord recognising the Kosovo government last year.",
    ));
    assert!(
        analysis
            .events
            .iter()
            .any(|e| e.cameo.starts_with("05") && e.mode == Mode::Asserted),
        "{:?}",
        analysis.events
    );
}

#[test]
fn a_request_renewed_by_its_noun_is_a_request_and_asks_for_no_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The United Nations renewed its call for Israel to ease restrictions.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "IGOUNO" && t == "ISR"),
        "{coded:?}"
    );
    // What the call asks for is not done.
    assert!(
        coded.iter().all(|(c, _, _)| !c.starts_with("03")),
        "{coded:?}"
    );
    let coded = triples(&pipeline, "France repeated its demand for an inquiry.");
    assert!(
        coded.iter().any(|(c, s, _)| c == "100" && s == "FRA"),
        "{coded:?}"
    );
}

#[test]
fn a_nouns_event_has_the_mode_of_the_light_verb_that_carries_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let planned = modes(
        &pipeline,
        "Mr Blair planned to make a direct appeal to the Iraqi government.",
    );
    assert!(
        planned
            .iter()
            .any(|(c, m)| c.starts_with("02") && *m == Mode::Future),
        "{planned:?}"
    );
    let made = modes(
        &pipeline,
        "Mr Blair made a direct appeal to the Iraqi government.",
    );
    assert!(
        made.iter()
            .any(|(c, m)| c.starts_with("02") && *m == Mode::Asserted),
        "{made:?}"
    );
}

#[test]
fn a_country_named_before_a_terror_attack_is_where_it_happened() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French government changed the law after the US terror attacks in 2001.",
    );
    assert!(coded.iter().all(|(_, s, _)| s != "USA"), "{coded:?}");
    // Attacks a country makes are still its own.
    let coded = triples(&pipeline, "The US air strikes hit the Iraqi army.");
    assert!(coded.iter().any(|(_, s, _)| s == "USA"), "{coded:?}");
}

#[test]
fn the_name_right_before_a_finite_verb_with_no_subject_in_the_parse_acts() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // The parse hangs "the French president" under "Monday".
    let coded = triples(
        &pipeline,
        "On Monday the French president met Chancellor Gerhard Schroeder in Berlin.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("04") && s == "FRAGOV" && t == "DEUGOV"),
        "{coded:?}"
    );
}

#[test]
fn telling_of_ones_own_going_and_a_side_rallying_to_win_are_no_events() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French president told the German chancellor he was resigning.",
        "Belgium rallied to beat France 2-1 in Paris.",
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found
                .iter()
                .all(|(c, _, _)| !c.starts_with("104") && !c.starts_with("14")),
            "{text}: {found:?}"
        );
    }
    // Telling another to go, and a rally of protest, are.
    let found = triples(
        &pipeline,
        "The French president told the German chancellor he must resign.",
    );
    assert!(found.iter().any(|(c, _, _)| c == "1041"), "{found:?}");
    let found = triples(
        &pipeline,
        "Belgian farmers rallied outside the French embassy.",
    );
    assert!(
        found.iter().any(|(c, _, _)| c.starts_with("14")),
        "{found:?}"
    );
}

#[test]
fn a_promise_is_not_made_to_the_owner_of_what_it_is_about() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French president promised to hail the Socialist Party's record on the economy.",
    );
    assert!(
        coded.iter().all(|(c, _, t)| !(c == "030" && t == "FRAPTY")),
        "{coded:?}"
    );
}

#[test]
fn the_subject_of_a_verb_above_a_clause_with_its_own_subject_is_not_its_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "When French unions carried out strikes, the French president refused to hold an early election.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, _)| c.starts_with("14") && s == "FRALAB"),
        "{coded:?}"
    );
    assert!(
        coded
            .iter()
            .all(|(c, _, t)| !(c.starts_with("14") && t == "FRAGOV")),
        "{coded:?}"
    );
}

#[test]
fn what_lies_under_a_later_verb_of_the_list_with_a_clause_of_its_own_is_not_the_first_verbs() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Poland has rejected the proposal and Germany's main political parties have opposed it.",
    );
    assert!(
        coded.iter().any(|(c, s, _)| c == "120" && s == "POL"),
        "{coded:?}"
    );
    assert!(
        coded.iter().all(|(c, _, t)| !(c == "120" && t == "DEU")),
        "{coded:?}"
    );
}

#[test]
fn an_adjective_that_only_follows_a_verb_is_no_part_of_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "British military chiefs asked for a statement to make sure troops could be defended in a court of law.",
    ));
    assert!(
        analysis
            .events
            .iter()
            .all(|e| !e.source.text.starts_with("sure")),
        "{:?}",
        analysis.events
    );
}

#[test]
fn things_that_went_wrong_blame_no_one() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French president told the radio: \"Things started to go very badly wrong in the summer, and then Le Monde picked up the story.\"",
    );
    assert!(coded.iter().all(|(c, _, _)| c != "111"), "{coded:?}");
    // A policy called wrong is criticised.
    let coded = triples(
        &pipeline,
        "The French president said the German government's policy was wrong.",
    );
    assert!(
        coded.iter().any(|(c, _, t)| c == "111" && t == "DEUGOV"),
        "{coded:?}"
    );
}

#[test]
fn a_name_outside_the_quotation_the_trigger_is_in_is_not_its_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "\"The Socialist Party's ambition is not just attacking ignorance, disease and squalor but promoting education,\" wrote a columnist in a newspaper owned by the German government.",
    );
    assert!(coded.iter().all(|(_, _, t)| t != "DEUGOV"), "{coded:?}");
}

#[test]
fn a_journey_is_aimed_only_at_where_it_goes_or_takes_place() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French president was speaking to the German chancellor a few hours before visiting the Algerian community in Marseille.",
    );
    assert!(
        coded
            .iter()
            .all(|(c, _, t)| !(c.starts_with("04") && t == "DEUGOV")),
        "{coded:?}"
    );
    let coded = triples(
        &pipeline,
        "On Wednesday, the French president visited slums in the Kenyan capital Nairobi.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "042" && s == "FRAGOV" && t == "KENGOV"),
        "{coded:?}"
    );
}

#[test]
fn what_a_yes_no_question_asks_is_not_told() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let asked = modes(&pipeline, "So will France attack Germany?");
    assert!(
        !asked.is_empty() && asked.iter().all(|(_, m)| *m == Mode::Hypothetical),
        "{asked:?}"
    );
    let told = modes(&pipeline, "So France attacked Germany.");
    assert!(told.iter().any(|(_, m)| *m == Mode::Asserted), "{told:?}");
}

#[test]
fn a_capitals_name_an_apposition_describes_is_no_government() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Victoria, a lobbyist for disabled rights, denounced the French government's actions.",
    );
    assert!(coded.iter().all(|(_, s, _)| s != "SYCGOV"), "{coded:?}");
    // The capital standing for its government is still one.
    let coded = triples(
        &pipeline,
        "Paris denounced the German government's actions.",
    );
    assert!(coded.iter().any(|(_, s, _)| s == "FRAGOV"), "{coded:?}");
}

#[test]
fn a_refusal_to_comment_is_not_aimed_at_the_owner_of_its_topic() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French government has refused to discuss the German chancellor's exact new position.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "011" && s == "FRAGOV" && t == "-"),
        "{coded:?}"
    );
}

#[test]
fn who_is_asked_to_act_is_the_target_not_what_the_request_names() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The German chancellor urged the men to step down from the French Senate in a letter.",
    );
    assert!(coded.iter().all(|(_, _, t)| t != "FRALEG"), "{coded:?}");
    // One named as the addressee is the target.
    let coded = triples(
        &pipeline,
        "The German chancellor urged the French government to step down.",
    );
    assert!(coded.iter().any(|(_, _, t)| t == "FRAGOV"), "{coded:?}");
}

#[test]
fn an_order_is_a_demand_of_the_one_ordered_not_of_what_it_names() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "A Chilean judge ordered the former Peruvian president to appear in court next month.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "100" && s == "CHLJUD" && t == "PERELI"),
        "{coded:?}"
    );
    // What the order is about is no one ordered.
    let coded = triples(
        &pipeline,
        "Chile has ordered the deportation of a Peruvian-born singer to Spain.",
    );
    assert!(coded.iter().all(|(c, _, _)| c != "100"), "{coded:?}");
}

#[test]
fn what_a_statement_is_on_or_about_is_not_spoken_to() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French president was commenting on the German government's decision to close the border.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "010" && s == "FRAGOV" && t == "-"),
        "{coded:?}"
    );
}

#[test]
fn a_resignation_is_aimed_at_most_at_what_is_left() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French foreign minister stepped down after his party's 2001 election defeat.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "0831" && s == "FRAGOV" && t == "-"),
        "{coded:?}"
    );
}

#[test]
fn a_clause_beside_the_trigger_with_a_subject_of_its_own_keeps_its_participants() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (text, source, outsider) in [
        // An `in case` clause beside the defence: Russia is what the complaint is against.
        (
            "The Polish government hired lawyers to defend the scheme, in case a complaint was made against Russia.",
            "POLGOV",
            "RUS",
        ),
        // The source's own position is no target, and neither is the next actor when it lies
        // in that other clause.
        (
            "The Spanish government had hired lawyers to be able to defend its position, in case a lawsuit was brought against Germany over the dam.",
            "ESPGOV",
            "DEU",
        ),
        // The one who says so is no one refused.
        (
            "The Irish government is being naive by refusing to allow the evidence in court, a senior Nato official says.",
            "IRLGOV",
            "IGOWSTNAT",
        ),
    ] {
        let coded = triples(&pipeline, text);
        assert!(coded.iter().any(|(_, s, _)| s == source), "{text}: {coded:?}");
        assert!(
            coded.iter().all(|(_, _, t)| t != outsider),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn a_pronoun_opening_a_condition_means_the_subject_the_condition_hangs_from() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // "he" refuses in the French president's clause: the French president, not the German
    // chancellor who says so.
    let coded = triples(
        &pipeline,
        "The German chancellor said the French president would look weak if he rejected the Russian offer.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "FRAGOV"),
        "{coded:?}"
    );
    assert!(
        coded
            .iter()
            .all(|(c, s, _)| !(c.starts_with("12") && s == "DEUGOV")),
        "{coded:?}"
    );
}

#[test]
fn a_reciprocal_act_with_no_other_party_is_between_the_co_subjects() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Jacques Chirac and his German counterpart Gerhard Schroeder agreed to set up a commission that would give Alsatians a voice.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("03") && s == "FRAGOV" && t == "DEUGOV"),
        "{coded:?}"
    );
    // Not in an act that is no reciprocal one: the co-subjects criticise together.
    let coded = triples(
        &pipeline,
        "Jacques Chirac and his German counterpart Gerhard Schroeder criticised a plan that would give Alsatians a vote.",
    );
    assert!(coded.iter().all(|(_, _, t)| t != "DEUGOV"), "{coded:?}");
}

#[test]
fn a_name_of_no_actor_qualifying_a_thing_is_no_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "The French government called for a Borders rail link to be reopened.",
    ));
    let appeal = analysis
        .events
        .iter()
        .find(|e| e.cameo == "020")
        .expect("the appeal is coded");
    assert_eq!(appeal.source.code.as_deref(), Some("FRAGOV"));
    assert!(appeal.target.is_none(), "{:?}", appeal.target);
}

#[test]
fn agreeing_to_resign_is_an_intent_to_change_leadership_not_the_change() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The Georgian president has agreed to resign without returning to Tbilisi.",
    );
    assert!(
        coded.iter().any(|(c, s, _)| c == "0341" && s == "GEOGOV"),
        "{coded:?}"
    );
    assert!(coded.iter().all(|(c, _, _)| c != "0831"), "{coded:?}");
}

#[test]
fn agreeing_to_changes_gives_way_and_agreeing_to_change_undertakes() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The German chancellor agreed to key changes to the tax bill after a revolt by his own MPs.",
    );
    assert!(
        coded.iter().any(|(c, s, _)| c == "0832" && s == "DEUGOV"),
        "{coded:?}"
    );
    let coded = triples(
        &pipeline,
        "The German chancellor agreed to change the tax law.",
    );
    assert!(coded.iter().all(|(c, _, _)| c != "0832"), "{coded:?}");
}

#[test]
fn a_group_named_again_by_the_and_its_number_is_that_group() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "All three Algerians held by Spain will be freed within weeks. On Tuesday the French \
         foreign minister said Spain had agreed to release the three after long talks.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("035") && s == "ESP" && t == "DZA"),
        "{coded:?}"
    );
    // A number followed by its noun is no such naming ("the three ministers").
    let coded = triples(
        &pipeline,
        "All three Algerians held by Spain will be freed within weeks. On Tuesday Spain \
         criticised the three ministers of the old government.",
    );
    assert!(coded.iter().all(|(_, _, t)| t != "DZA"), "{coded:?}");
}

#[test]
fn a_rights_body_nobody_knows_is_an_ngo_and_its_named_chairman_speaks_for_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The Islamic Human Rights Commission (IHRC) criticised the Spanish government on Monday. \
         IHRC chairman Massoud Shadjareh accused the Spanish interior minister of lying.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "111" && s == "ESPNGO" && t == "ESPGOV"),
        "{coded:?}"
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("112") && s == "ESPNGO" && t == "ESPGOV"),
        "{coded:?}"
    );
}

#[test]
fn aid_goes_to_the_country_of_the_relief_work_not_where_people_are() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French government has offered to send a team of 40 engineers to help with the earthquake relief effort in Turkey.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("033") && s == "FRAGOV" && t == "TUR"),
        "{coded:?}"
    );
    let coded = triples(
        &pipeline,
        "The French government wants to grant an amnesty for all those in Italy claiming asylum.",
    );
    assert!(coded.iter().all(|(_, _, t)| t != "ITA"), "{coded:?}");
}

#[test]
fn a_statement_is_told_to_its_listener_not_to_whom_it_is_about() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let about = triples(
        &pipeline,
        "The French finance minister told reporters that Germany was expected to freeze payments.",
    );
    assert!(
        about
            .iter()
            .any(|(c, s, t)| c == "010" && s == "FRAGOV" && t == "-"),
        "{about:?}"
    );
    let listener = triples(
        &pipeline,
        "\"We deserve an honest response,\" the French finance minister told the Associated Press news agency.",
    );
    assert!(
        listener
            .iter()
            .any(|(c, s, t)| c == "010" && s == "FRAGOV" && t == "USAMED"),
        "{listener:?}"
    );
}

#[test]
fn the_way_an_actor_acted_makes_it_the_one_criticised() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French foreign minister criticised the way the German government handled the crisis.",
        "The French foreign minister criticised how the German government handled the crisis.",
    ] {
        let coded = triples(&pipeline, text);
        assert!(
            coded
                .iter()
                .any(|(c, s, t)| c == "111" && s == "FRAGOV" && t == "DEUGOV"),
            "{text}: {coded:?}"
        );
    }
    // A clause of its own elsewhere still keeps its subject to itself.
    let apart = triples(
        &pipeline,
        "The French foreign minister criticised the plan that the German government proposed.",
    );
    assert!(
        apart
            .iter()
            .any(|(c, s, t)| c == "111" && s == "FRAGOV" && t == "-"),
        "{apart:?}"
    );
}

#[test]
fn it_accused_of_a_deed_is_the_body_named_before_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let accused = triples(
        &pipeline,
        "The French president attacked the way the German government works, accusing it of ignoring the treaty.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, s, t)| c.starts_with("112") && s == "FRAGOV" && t == "DEUGOV"),
        "{accused:?}"
    );
    let urged = triples(
        &pipeline,
        "The French foreign minister met the German government on Monday and urged it to sign the treaty.",
    );
    assert!(
        urged
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "FRAGOV" && t == "DEUGOV"),
        "{urged:?}"
    );
}

#[test]
fn meeting_a_promise_or_meeting_amid_criticism_is_no_consultation_or_still_one() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let kept = triples(
        &pipeline,
        "The French government has met all of its promises to Germany.",
    );
    assert!(
        kept.iter().all(|(c, _, _)| !c.starts_with("04")),
        "{kept:?}"
    );
    // A blocking word that is no part of what was met blocks nothing.
    let met = triples(
        &pipeline,
        "The French president met German opposition leaders amid growing criticism of the vote.",
    );
    assert!(
        met.iter()
            .any(|(c, s, t)| c == "040" && s == "FRAGOV" && t == "DEUOPP"),
        "{met:?}"
    );
}

#[test]
fn one_who_stands_accused_is_no_accuser() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Tony Blair met the French president in Paris. He stands accused of breaking the treaty.",
    );
    assert!(
        coded.iter().all(|(c, _, _)| !c.starts_with("11")),
        "{coded:?}"
    );
}

#[test]
fn a_judges_title_makes_a_judge_of_the_main_country() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The British government lost its appeal in London on Monday. Lord Justice Smith criticised the Home Office in his ruling.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "111" && s == "GBRJUD" && t == "GBRGOV"),
        "{coded:?}"
    );
}

#[test]
fn a_cue_word_inside_a_name_is_no_cue() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French government has agreed a draft proposal with the International Monetary Fund on Monday.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "030" && s == "FRAGOV" && t == "IGOUNOIMF"),
        "{coded:?}"
    );
    // A name the cue is the whole of still counts: told the Associated Press.
    let told = triples(
        &pipeline,
        "\"We will not pay,\" the French finance minister told the Associated Press.",
    );
    assert!(
        told.iter()
            .any(|(c, s, t)| c == "010" && s == "FRAGOV" && t == "USAMED"),
        "{told:?}"
    );
}

#[test]
fn the_owner_of_a_thing_named_in_a_phrase_does_not_do_what_modifies_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French president is to make a pitch for Germany's ethnic vote urging people who feel ignored by the German government to vote for him.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, _)| c.starts_with("02") && s == "FRAGOV"),
        "{coded:?}"
    );
    assert!(coded.iter().all(|(_, s, _)| s != "DEU"), "{coded:?}");
}

#[test]
fn he_in_a_quotation_is_not_the_one_quoting_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Jacques Chirac spoke in Paris on Monday. BBC correspondent Andrew Marr said Europe had long been a theme of the president's but \"never before has he been so outspoken in defending Germany\".",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "052" && s == "FRAGOV" && t == "DEU"),
        "{coded:?}"
    );
}

#[test]
fn two_offices_nobody_named_are_two_parties() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "At a party rally in London the British prime minister hailed his chancellor's brilliant performance.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "051" && s == "GBRGOV" && t == "GBRGOV"),
        "{coded:?}"
    );
}

#[test]
fn a_woman_titled_with_a_mans_surname_is_someone_else() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "Michael Howard spoke in London on Monday. Mr Howard criticised Tony Blair. Mrs Howard praised Tony Blair.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c == "111" && s == "GBROPP" && t == "GBRGOV"),
        "{coded:?}"
    );
    assert!(
        coded.iter().all(|(c, s, _)| !(c == "051" && s == "GBROPP")),
        "{coded:?}"
    );
}

#[test]
fn calls_for_someone_to_act_are_aimed_at_them() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = triples(
        &pipeline,
        "The French president spoke in Paris on Monday. He repeated calls for the German chancellor to apologise for likening the reporter to a guard.",
    );
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "FRAGOV" && t == "DEUGOV"),
        "{coded:?}"
    );
}

#[test]
fn appeals_to_act_for_or_against_a_party_are_aimed_at_that_party() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = |text: &str| triples(&pipeline, text);
    let support = coded("Brazil urged the United Nations to support the Haitian government.");
    assert!(
        support
            .iter()
            .any(|(c, s, t)| c == "053" && s == "BRA" && t == "HTIGOV"),
        "{support:?}"
    );
    let rallied = coded("Iran has mobilised its allies in the region to back Syria.");
    assert!(
        rallied
            .iter()
            .any(|(c, s, t)| c == "053" && s == "IRN" && t == "SYR"),
        "{rallied:?}"
    );
    let opposed = coded("Kenya's foreign minister called for sanctions against Sudan.");
    assert!(
        opposed
            .iter()
            .any(|(c, s, t)| c == "113" && s == "KENGOV" && t == "SDN"),
        "{opposed:?}"
    );
    // What is asked is that the charges be dropped: no rallying against anyone.
    let dropped = coded(
        "The Kenyan minister called for the charges against the Greek sprinter to be dropped.",
    );
    assert!(dropped.iter().all(|(c, _, _)| c != "113"), "{dropped:?}");
}

#[test]
fn forces_withdrawn_are_withdrawn_by_those_they_belong_to() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = |text: &str| triples(&pipeline, text);
    let withdrew = coded("The UN withdrew its peacekeepers from Liberia on Friday.");
    assert!(
        withdrew
            .iter()
            .any(|(c, s, _)| c == "1661" && s == "IGOUNO"),
        "{withdrew:?}"
    );
    let shipped = coded("Eighty UN peacekeepers were shipped out of Srebrenica on Monday.");
    assert!(
        shipped.iter().any(|(c, s, _)| c == "1661" && s == "IGOUNO"),
        "{shipped:?}"
    );
    let troops = coded("Canadian troops were withdrawn from Kandahar in March.");
    assert!(
        troops.iter().any(|(c, s, _)| c == "087" && s == "CANMIL"),
        "{troops:?}"
    );
    // Expelled: by someone else, whom the sentence does not name.
    let expelled = coded("UN inspectors were expelled from the country.");
    assert!(
        expelled.iter().all(|(_, s, _)| s != "IGOUNO"),
        "{expelled:?}"
    );
}

#[test]
fn a_subject_no_code_stands_for_shares_its_act_with_an_actor_beside_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = |text: &str| triples(&pipeline, text);
    for text in [
        "Both the Ruritanian army and the Moro Islamic Liberation Front violated the ceasefire on Monday.",
        "Both the Ruritanian army and the MILF are guilty of violating the ceasefire.",
    ] {
        let events = coded(text);
        assert!(
            events.iter().any(|(c, s, _)| c == "196" && s == "PHLREB"),
            "{text}: {events:?}"
        );
    }
    // Not borrowed from a clause further up: the need to detain is nobody's deed here.
    let events = coded(
        "Human rights groups, British police officers and many MPs say allowing the evidence would remove the need to detain terror suspects without charge.",
    );
    assert!(
        events
            .iter()
            .all(|(c, _, _)| !c.starts_with("17") && !c.starts_with("13")),
        "{events:?}"
    );
}

#[test]
fn a_by_phrase_of_another_verb_is_no_agent_of_a_noun() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "Since the 2001 attacks, figures published last week show that migrants were likely to be stopped by French police.",
    );
    assert!(
        events
            .iter()
            .all(|(c, s, _)| !c.starts_with("19") || s != "FRACOP"),
        "{events:?}"
    );
    // The noun's own `by` phrase still names its agent.
    let events = triples(
        &pipeline,
        "The attacks by Russian troops on the town continued.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, _)| c.starts_with("19") && s == "RUSMIL"),
        "{events:?}"
    );
}

#[test]
fn what_a_decision_or_an_alleged_deed_would_do_is_not_whom_the_verb_is_aimed_at() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Ministers accused the Islamic schools of failing to teach pupils about their duties to French society.",
        "The Norwegian minister defended plans to end the European Union's arms embargo on China.",
    ] {
        let events = triples(&pipeline, text);
        assert!(
            events.iter().all(|(_, _, t)| t == "-"),
            "{text}: {events:?}"
        );
    }
    // A deal's clause names the other party.
    let events = triples(
        &pipeline,
        "Germany signed a deal to supply France with 300 tanks.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c == "057" && s == "DEU" && t == "FRA"),
        "{events:?}"
    );
}

#[test]
fn a_subject_named_in_apposition_acts() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "The shadow foreign secretary, Michael Ancram, criticised Russia on Monday.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c == "111" && s.starts_with("GBR") && t == "RUS"),
        "{events:?}"
    );
    // Not a first name alone taken for a known person.
    let events = triples(
        &pipeline,
        "The 2004 winner, Paul Cavanagh, went on to sign a deal with France.",
    );
    assert!(events.iter().all(|(_, s, _)| s != "USALEG"), "{events:?}");
    // Nor a name right after a noun with its article, a misparsed relative clause.
    let events = triples(
        &pipeline,
        "This is the record Mr Brown will have to defend in the coming months, he said, urging voters to hold him to account.",
    );
    assert!(events.iter().all(|(c, _, _)| c != "052"), "{events:?}");
}

#[test]
fn the_speakers_own_phrase_is_not_whom_harsh_words_are_about() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "But the chairman of Migration Watch UK, Sir Andrew Green, said the House of Lords ruling was a \"step in the wrong direction\".",
    );
    assert!(events.iter().all(|(_, _, t)| t != "GBR"), "{events:?}");
}

#[test]
fn a_co_subjects_own_phrase_is_not_appealed_to() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "Both the French president and the head of the German army appealed for the weapons inspectors to be given more time.",
    );
    // An appeal "for" others "to" act is one, its subject notwithstanding, and the co-subject's
    // army is not appealed to.
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "FRAGOV" && t == "-"),
        "{events:?}"
    );
    assert!(events.iter().all(|(_, _, t)| t != "DEUMIL"), "{events:?}");
}

#[test]
fn harsh_words_are_not_about_the_subject_of_a_condition() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "Mr Chirac will claim the forecasts are simply wrong and that he will have absolutely no need to raise taxes after the election, should Germany win.",
    );
    assert!(
        events.iter().all(|(c, _, t)| c != "111" || t != "DEU"),
        "{events:?}"
    );
}

#[test]
fn he_in_a_clause_reported_below_the_main_verb_is_its_reporter() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "Mr Howard said Mr Blunkett had insisted he would visit France next week.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c.starts_with("03") && s == "GBRGOV" && t == "FRA"),
        "{events:?}"
    );
}

#[test]
fn a_name_inside_a_clause_above_the_trigger_is_not_its_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "And they ridiculed the claims made on Monday by Jacques Chirac that he could save £35 billion of German waste to spend on public services while also offering £4 billion of tax cuts.",
    );
    assert!(events.iter().all(|(_, _, t)| t != "DEU"), "{events:?}");
    // The one the verb above addresses is its adjunct's target too.
    let events = triples(
        &pipeline,
        "Jacques Chirac has written to Gerhard Schroeder demanding an explanation of the new rules.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c == "100" && s == "FRAGOV" && t == "DEUGOV"),
        "{events:?}"
    );
}

#[test]
fn a_role_someone_else_owns_is_not_the_one_named_before() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "Liberal Democrat foreign affairs spokesman Menzies Campbell criticised France on Monday. The prime minister's official spokesman also rejected the claims.",
    );
    assert!(
        events
            .iter()
            .all(|(c, s, _)| !c.starts_with("12") || s != "GBRPTY"),
        "{events:?}"
    );
}

#[test]
fn a_noun_heading_a_misread_clause_is_not_the_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // "part" (with a copula) and "voters" (with "which" its subject) hang from "agreeing" as
    // nouns: they head clauses about the treaty, not whom the government agreed with.
    let events = triples(
        &pipeline,
        "Mr Schroeder asked why the French government was agreeing to the measure on asylum now when the whole issue was part of the Russian treaty, which voters in Poland had been promised a referendum over.",
    );
    assert!(
        events.iter().any(|(_, s, t)| s == "FRAGOV" && t == "-"),
        "{events:?}"
    );
}

#[test]
fn campaigners_students_and_voters_of_no_named_place_are_the_main_countrys() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "Britain and France met in London. Campaigners in Britain welcomed the plan. Campaigners criticised the French government. Tony Blair urged students to vote. Witnesses said civilians were attacked by gunmen.",
    );
    for expected in [("111", "GBRACT", "FRAGOV"), ("020", "GBRGOV", "GBREDU")] {
        assert!(has_triple(&events, expected), "{expected:?} in {events:?}");
    }
    // Civilians may be anyone's, in a war abroad.
    assert!(events.iter().all(|(_, _, t)| t != "GBRCVL"), "{events:?}");
}

#[test]
fn a_pronoun_in_a_quotation_is_not_its_speaker_named_after_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "President Jacques Chirac spoke in Paris. Mr Schroeder said he believed the president was keen to work with other countries. \"It is significant that he is coming to Berlin as his first foreign visit,\" said Mr Schroeder.",
    );
    // (A visit still to come: intent to meet, 036.)
    assert!(
        events.iter().any(|(c, s, _)| c == "036" && s == "FRAGOV"),
        "{events:?}"
    );
}

#[test]
fn whoever_an_oblique_of_concession_names_is_not_the_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "The amendment was narrowly rejected by the German parliament despite the support of the French government.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c.starts_with("12") && s == "DEULEG" && t == "-"),
        "{events:?}"
    );
}

#[test]
fn one_welcomes_anothers_return_not_ones_own() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "German Chancellor Gerhard Schroeder flew back to Berlin on Monday. French President Jacques Chirac welcomed his return.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c == "051" && s == "FRAGOV" && t == "DEUGOV"),
        "{events:?}"
    );
    // One's own chancellor is one's own.
    let events = triples(
        &pipeline,
        "German Chancellor Gerhard Schroeder flew back to Berlin on Monday. French President Jacques Chirac praised his prime minister.",
    );
    assert!(
        events
            .iter()
            .any(|(c, s, t)| c == "051" && s == "FRAGOV" && t == "FRAGOV"),
        "{events:?}"
    );
}

#[test]
fn one_worried_about_plans_to_act_is_not_the_one_who_plans() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let worried = triples(
        &pipeline,
        "French President Jacques Chirac was worried about plans to lift the arms embargo on China.",
    );
    assert!(
        !worried.iter().any(|(_, s, _)| s == "FRAGOV"),
        "{worried:?}"
    );
    // One's own plans are one's own.
    let announced = triples(
        &pipeline,
        "French President Jacques Chirac announced plans to lift the arms embargo on China.",
    );
    assert!(
        announced
            .iter()
            .any(|(c, s, t)| c.starts_with("03") && s == "FRAGOV" && t == "CHN"),
        "{announced:?}"
    );
}

#[test]
fn a_critic_does_not_criticise_his_own_country_as_a_whole() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Conservative leader Michael Howard spoke on Monday. \
                \"Britain is heading in the wrong direction,\" the Conservative leader said.";
    let found = triples(&pipeline, text);
    assert!(found.iter().all(|(_, _, t)| t != "GBR"), "{found:?}");
    // Another country is criticised.
    let text = "Conservative leader Michael Howard spoke on Monday. \
                \"France is heading in the wrong direction,\" the Conservative leader said.";
    let found = triples(&pipeline, text);
    assert!(
        found.iter().any(|(c, _, t)| c == "111" && t == "FRA"),
        "{found:?}"
    );
}

#[test]
fn a_clause_a_subordinator_opens_under_a_noun_is_not_that_nouns_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Labour strategists told the paper Deputy Prime Minister John Prescott would be \"set loose\" on Conservative leader Michael Howard in attacking his party's economic record.",
    );
    assert!(
        found.iter().any(|(c, s, _)| c == "111" && s == "GBRGOV"),
        "{found:?}"
    );
    assert!(found.iter().all(|(_, s, _)| s != "GBRPTY"), "{found:?}");
}

#[test]
fn neither_of_two_welcomers_is_the_one_whose_return_they_welcome() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let mut doc = Document::from_text(
        "Former minister Alastair Campbell returned to the campaign. \
         Deputy Prime Minister John Prescott and Foreign Secretary Jack Straw welcomed his return.",
    );
    doc.published = Some("2005-03-01".into());
    let analysis = pipeline.analyze(doc);
    let welcomed: Vec<_> = analysis
        .events
        .iter()
        .filter(|e| e.cameo == "051")
        .map(|e| e.target.as_ref().and_then(|t| t.code.clone()))
        .collect();
    assert!(!welcomed.is_empty(), "{:?}", analysis.events);
    assert!(
        welcomed.iter().all(|t| t.as_deref() == Some("GBRELI")),
        "{welcomed:?}"
    );
}

#[test]
fn a_body_of_civil_society_nobody_knows_is_an_ngo_of_the_main_country() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Britain's hunting ban began on Friday. The Countryside Alliance criticised Tony Blair.",
    );
    assert!(
        found.iter().any(|(c, s, _)| c == "111" && s == "GBRNGO"),
        "{found:?}"
    );
}

#[test]
fn the_victim_of_a_harm_investigated_is_not_the_one_investigated() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "British police are investigating the murder of Iraqi envoy Ali Hassan.",
        "British police are investigating the Iraqi ambassador's murder.",
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().any(|(c, _, t)| c == "090" && t == "-"),
            "{text}: {found:?}"
        );
    }
    // Investigating someone is.
    let found = triples(
        &pipeline,
        "British police are investigating Iraqi envoy Ali Hassan.",
    );
    assert!(
        found
            .iter()
            .any(|(c, _, t)| c == "090" && t.starts_with("IRQ")),
        "{found:?}"
    );
}

#[test]
fn one_named_in_a_clause_modifying_the_source_is_not_the_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "British ministers criticising Iraqi envoy Ali Hassan rejected the report.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c == "120" && s == "GBRGOV" && t == "-"),
        "{found:?}"
    );
}

#[test]
fn a_call_for_someones_release_is_not_made_to_them() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "The French government called for the release of Iraqi envoy Ali Hassan.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "FRAGOV" && t == "-"),
        "{found:?}"
    );
}

#[test]
fn a_named_voice_of_a_civil_society_body_nobody_knows_is_an_ngo() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Britain's hunting ban began on Friday. Countryside Alliance chairman John Jackson criticised Tony Blair.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c == "111" && s == "GBRNGO" && t == "GBRGOV"),
        "{found:?}"
    );
}

/// (CAMEO code, source code, mode) of each event.
fn coded_modes(pipeline: &Pipeline, text: &str) -> Vec<(String, String, Mode)> {
    pipeline
        .analyze(Document::from_text(text))
        .events
        .iter()
        .map(|e| {
            (
                e.cameo.clone(),
                e.source.code.clone().unwrap_or_else(|| "-".into()),
                e.mode,
            )
        })
        .collect()
}

#[test]
fn not_commenting_is_declining_comment_which_was_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French foreign ministry would not comment on the report.",
        "Neither the French government nor the German embassy would comment on the claims.",
        "The French foreign ministry did not wish to comment on the arrests.",
    ] {
        let found = coded_modes(&pipeline, text);
        assert!(
            found
                .iter()
                .any(|(c, s, m)| c == "011" && s.starts_with("FRA") && *m == Mode::Asserted),
            "{text}: {found:?}"
        );
    }
    // Never having commented is no event.
    let never = coded_modes(
        &pipeline,
        "The French foreign ministry has never commented on the report.",
    );
    assert!(never.iter().all(|(c, _, _)| c != "011"), "{never:?}");
}

#[test]
fn whose_sympathy_is_expressed_is_no_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "The Irish prime minister expressed Ireland's sympathy for the families of the miners.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c == "018" && s == "IRLGOV" && t == "-"),
        "{found:?}"
    );
    // The one it is offered to is.
    let offered = triples(
        &pipeline,
        "The Irish prime minister offered Ireland's condolences to the Turkish government.",
    );
    assert!(
        offered
            .iter()
            .any(|(c, s, t)| c == "018" && s == "IRLGOV" && t == "TURGOV"),
        "{offered:?}"
    );
}

#[test]
fn a_sea_named_after_a_country_is_no_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The Irish prime minister praised the rescuers of the Indian Ocean disaster.",
        "The Irish prime minister praised the sailors of the South China Sea patrol.",
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().all(|(_, _, t)| t != "IND" && t != "CHN"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn followers_of_a_faith_are_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let urged = triples(
        &pipeline,
        "The French government urged Muslims not to vote for the National Front.",
    );
    assert!(
        urged
            .iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "FRAGOV" && t == "MOS"),
        "{urged:?}"
    );
    let protested = triples(&pipeline, "British Sikhs protested against the French law.");
    assert!(
        protested
            .iter()
            .any(|(c, s, _)| c.starts_with("14") && s == "GBRSIK"),
        "{protested:?}"
    );
    // A follower's name the tagger takes for a singular name is still the group's.
    let arguing = triples(
        &pipeline,
        "The French president praised Hindus and Sikhs for their tolerance.",
    );
    assert!(
        arguing
            .iter()
            .any(|(c, _, t)| c.starts_with("05") && t == "HIN"),
        "{arguing:?}"
    );
}

#[test]
fn what_an_appearance_was_used_for_or_an_opportunity_taken_for_was_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French president used his television interview to criticise the German government.",
        "The French president took the opportunity to criticise the German government.",
    ] {
        let found = coded_modes(&pipeline, text);
        assert!(
            found
                .iter()
                .any(|(c, s, m)| c == "111" && s == "FRAGOV" && *m == Mode::Asserted),
            "{text}: {found:?}"
        );
    }
    // A chance to act is not acting.
    let chance = coded_modes(
        &pipeline,
        "The French president will have the opportunity to criticise the German government.",
    );
    assert!(
        chance.iter().all(|(_, _, m)| *m != Mode::Asserted),
        "{chance:?}"
    );
}

#[test]
fn a_doubt_bears_only_on_what_it_governs_or_modifies() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let denied = coded_modes(
        &pipeline,
        "The French minister discussed these claims with the German government and rejected them.",
    );
    assert!(
        denied
            .iter()
            .any(|(c, s, m)| c.starts_with("12") && s == "FRAGOV" && *m == Mode::Asserted),
        "{denied:?}"
    );
    let accused = coded_modes(
        &pipeline,
        "The French minister was accused of criticising the German government.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, _, m)| c == "111" && *m == Mode::Alleged),
        "{accused:?}"
    );
    let allegedly = coded_modes(
        &pipeline,
        "French troops allegedly attacked German soldiers near the border.",
    );
    assert!(
        allegedly.iter().all(|(_, _, m)| *m == Mode::Alleged) && !allegedly.is_empty(),
        "{allegedly:?}"
    );
}

#[test]
fn an_infinitive_after_the_object_is_the_objects_not_the_refusals() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let pleas = triples(
        &pipeline,
        "The French president refused the German chancellor's pleas to discuss the treaty.",
    );
    assert!(
        pleas
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "FRAGOV")
            && pleas.iter().all(|(c, _, _)| c != "011"),
        "{pleas:?}"
    );
    let own = triples(
        &pipeline,
        "The French president refused to discuss the treaty.",
    );
    assert!(own.iter().any(|(c, _, _)| c == "011"), "{own:?}");
}

#[test]
fn where_a_resignation_took_place_is_not_what_was_resigned() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "The French minister resigned his party's whip in the European Parliament in March.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c == "0831" && s == "FRAGOV" && t != "IGOEUREEC"),
        "{found:?}"
    );
}

#[test]
fn the_subject_of_a_clause_of_time_is_not_what_is_rejected() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "The French minister has rejected a policy of not enforcing the ban until the German parliament has considered its legality.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c.starts_with("12") && s == "FRAGOV" && t == "-"),
        "{found:?}"
    );
}

#[test]
fn the_two_men_are_the_pair_named_together_when_they_share_a_code() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let same = triples(
        &pipeline,
        "Tony Blair and Gordon Brown met on Monday. Labour MPs urged the two men to stop squabbling.",
    );
    assert!(
        same.iter()
            .any(|(c, s, t)| c.starts_with("02") && s == "GBRLEG" && t == "GBRGOV"),
        "{same:?}"
    );
    let apart = triples(
        &pipeline,
        "Tony Blair and Jacques Chirac met on Monday. Labour MPs urged the two men to stop squabbling.",
    );
    assert!(
        apart
            .iter()
            .filter(|(c, _, _)| c.starts_with("02"))
            .all(|(_, _, t)| t != "GBRGOV" && t != "FRAGOV"),
        "{apart:?}"
    );
}

#[test]
fn a_rejection_answers_no_demand_of_someone_no_code_places() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "Ian Gibbons urged the British government to resign. The British government rejected the idea on Monday.",
    ));
    let rejection = analysis.events.iter().find(|e| e.cameo.starts_with("12"));
    assert!(
        rejection.is_some_and(|e| e.target.is_none()),
        "{:?}",
        analysis.events
    );
}

#[test]
fn support_given_to_someone_endorses_them() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let given = triples(
        &pipeline,
        "On Monday Tony Blair gave his support to Gordon Brown's ambitions.",
    );
    assert!(
        given
            .iter()
            .any(|(c, s, t)| c == "051" && s == "GBRGOV" && t == "GBRGOV"),
        "{given:?}"
    );
    // Support given to no actor is no endorsement.
    let nobody = triples(
        &pipeline,
        "On Monday Tony Blair gave his support to the plan.",
    );
    assert!(nobody.iter().all(|(c, _, _)| c != "051"), "{nobody:?}");
}

#[test]
fn the_owner_of_claims_derided_is_the_target_not_a_speaker() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let derided = triples(&pipeline, "On Monday Tony Blair derided Tory claims.");
    assert!(
        derided
            .iter()
            .any(|(c, s, t)| c == "111" && s == "GBRGOV" && t == "GBRPTY"),
        "{derided:?}"
    );
}

#[test]
fn backing_an_actor_endorses_it_but_backing_a_deed_against_a_country_does_not() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let backed = triples(
        &pipeline,
        "On Monday the Liberal Democrats backed the Conservative Party's proposals.",
    );
    assert!(
        backed
            .iter()
            .any(|(c, s, t)| c == "051" && s == "GBRPTY" && t == "GBRPTY"),
        "{backed:?}"
    );
    // The country invaded is not whom the backing is for.
    let deed = triples(
        &pipeline,
        "On Monday Labour MPs backed the invasion of Iraq.",
    );
    assert!(deed.iter().all(|(_, _, t)| t != "IRQ"), "{deed:?}");
    // Nor the country struck "on" or "against": the stance is on the deed, and on its doer
    // where the text names one.
    for text in [
        "On Monday the German government backed sanctions against Iran.",
        "On Monday the Mexican government condemned the strikes on Venezuela.",
    ] {
        let aimed = triples(&pipeline, text);
        assert!(
            aimed.iter().all(|(_, _, t)| t != "IRN" && t != "VEN"),
            "{text}: {aimed:?}"
        );
    }
    let doer = triples(
        &pipeline,
        "On Monday the Mexican government condemned the US strikes against Venezuela.",
    );
    assert!(has_triple(&doer, ("111", "MEXGOV", "USA")), "{doer:?}");
    // Backing down is no endorsement.
    let down = triples(
        &pipeline,
        "On Monday the French government backed down over the German government's demands.",
    );
    assert!(down.iter().all(|(c, _, _)| c != "051"), "{down:?}");
}

#[test]
fn a_body_named_in_the_sources_title_is_not_the_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let titled = triples(
        &pipeline,
        "Their demands have been backed by former Metropolitan Police Commissioner John Smith.",
    );
    assert!(titled.iter().all(|(_, _, t)| t != "GBRCOP"), "{titled:?}");
}

#[test]
fn a_refusal_negated_itself_did_not_happen_but_one_beside_a_negation_did() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let itself = coded_modes(
        &pipeline,
        "The ruling meant the French government could not simply refuse to hear the case.",
    );
    assert!(
        itself
            .iter()
            .any(|(c, s, m)| c.starts_with("12") && s == "FRAGOV" && *m == Mode::Negated),
        "{itself:?}"
    );
    let beside = coded_modes(
        &pipeline,
        "The French president said his remarks were not racist and refused to apologise.",
    );
    assert!(
        beside
            .iter()
            .any(|(c, s, m)| c.starts_with("12") && s == "FRAGOV" && *m == Mode::Asserted),
        "{beside:?}"
    );
}

#[test]
fn an_activity_a_reported_statement_is_about_is_no_deed_of_the_reporter() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let ruled = triples(
        &pipeline,
        "Detaining foreign terrorist suspects without trial breaks human rights laws, the French supreme court has ruled.",
    );
    assert!(
        ruled.iter().all(|(c, _, _)| !c.starts_with("17")),
        "{ruled:?}"
    );
}

#[test]
fn one_union_leader_is_an_actor_of_the_unions() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "The French president has criticised a union leader who said the reform was unfair.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c == "111" && s == "FRAGOV" && t == "FRALAB"),
        "{criticised:?}"
    );
}

#[test]
fn the_agent_named_in_apposition_to_a_noun_of_relation_is_the_source() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let praised = triples(
        &pipeline,
        "On Monday the German plan was praised by his predecessor, Jacques Chirac.",
    );
    assert!(
        praised.iter().any(|(c, s, _)| c == "051" && s == "FRAGOV"),
        "{praised:?}"
    );
}

#[test]
fn the_infinitive_of_a_noun_of_will_is_its_owners_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Many Labour MPs have since indicated that the French minister's answer played a pivotal role in their willingness to criticise Russia.";
    let coded = triples(&pipeline, text);
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("11") && s == "GBRLEG" && t == "RUS"),
        "{coded:?}"
    );
    // Whoever "their" stands for, not the minister.
    let text =
        "The French minister's speech played a pivotal role in their willingness to attack Russia.";
    let coded = triples(&pipeline, text);
    assert!(
        !coded.iter().any(|(_, s, _)| s == "FRAGOV"),
        "the minister did not attack: {coded:?}"
    );
}

#[test]
fn a_verb_the_parse_coordinated_with_a_noun_keeps_its_subject() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Tory shadow home secretary Mark Smith warned of the potential for miscarriages of justice, like the Guildford Four - for which Tony Blair recently apologised - as a result of the pressure.";
    let coded = triples(&pipeline, text);
    assert!(
        coded.iter().any(|(c, s, _)| c == "055" && s == "GBRGOV"),
        "{coded:?}"
    );
    assert!(
        !coded.iter().any(|(_, _, t)| t == "GBRGOV"),
        "Blair apologised, nobody warned him: {coded:?}"
    );
}

#[test]
fn the_speaker_set_off_before_says_is_the_critic() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Tory leader Michael Howard spoke on Monday. The Peter Hain \"mongrel\" attack, he says, is just the latest example of Labour getting the tone wrong - a by-product, he claims, of the Tories setting the agenda.";
    let coded = triples(&pipeline, text);
    assert!(
        coded
            .iter()
            .any(|(c, s, t)| c.starts_with("11") && s == "GBRPTY" && t == "GBRPTY"),
        "{coded:?}"
    );
    assert!(!coded.iter().any(|(_, s, _)| s == "GBRGOV"), "{coded:?}");
}

#[test]
fn the_speaker_of_another_reporting_verb_is_not_criticised() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Tory leader Michael Howard met Tony Blair on Monday. The Peter Hain \"mongrel\" attack, he says, is just the latest example of the party getting the tone wrong - a by-product, he claims, of the Tories setting the agenda.";
    let coded = triples(&pipeline, text);
    let criticism: Vec<_> = coded
        .iter()
        .filter(|(c, _, _)| c.starts_with("11"))
        .collect();
    assert!(!criticism.is_empty(), "{coded:?}");
    assert!(
        !criticism.iter().any(|(_, _, t)| t == "GBRGOV"),
        "the second 'he' speaks: {coded:?}"
    );
}

#[test]
fn a_main_subject_pronoun_does_not_mean_a_non_subject_named_in_the_phrase_before_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "Gordon Brown spoke in Leeds on Monday. After a meeting with the French president Jacques Chirac he criticised the Russian government.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, t)| c.starts_with("111") && s == "GBRGOV" && t == "RUSGOV"),
        "{criticised:?}"
    );
}

#[test]
fn those_freed_from_an_actors_custody_were_freed_by_that_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The four Britons freed from US custody in Guantanamo Bay are expected to be allowed a visit.",
        "Two Britons were released from US custody on Tuesday.",
    ] {
        let freed = triples(&pipeline, text);
        assert!(
            freed
                .iter()
                .any(|(c, s, t)| c.starts_with("084") && s == "USA" && t == "GBR"),
            "{text}: {freed:?}"
        );
    }
}

#[test]
fn a_country_naming_a_war_does_not_make_the_story_its_own() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let urged = triples(
        &pipeline,
        "Protestors have lost an appeal over a demonstration held after the start of the Iraq war. The police had urged the judges in London to overturn the ruling.",
    );
    assert!(
        urged
            .iter()
            .any(|(c, s, _)| c.starts_with("02") && s == "GBRCOP"),
        "{urged:?}"
    );
}

#[test]
fn a_judges_title_before_a_known_surname_names_a_judge() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticised = triples(
        &pipeline,
        "Tony Blair spoke in London. Lord Justice Clarke criticised the Home Office.",
    );
    assert!(
        criticised
            .iter()
            .any(|(c, s, _)| c.starts_with("111") && s == "GBRJUD"),
        "{criticised:?}"
    );
}

#[test]
fn the_party_is_the_party_named_last() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let attacked = triples(
        &pipeline,
        "Robert Kilroy-Silk quit UKIP last week. UKIP officials say he has been attacking the party he once wanted to lead.",
    );
    assert!(
        attacked
            .iter()
            .any(|(c, s, t)| c.starts_with("111") && s == "GBRPTY" && t == "GBRPTY"),
        "{attacked:?}"
    );
}

#[test]
fn a_body_named_before_is_named_later_by_its_initials() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let rejected = triples(
        &pipeline,
        "Ministers criticised the Child Support Agency on Monday. The CSA rejected the claims.",
    );
    assert!(
        rejected
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "GBRGOV"),
        "{rejected:?}"
    );
}

#[test]
fn the_raf_is_the_british_military() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let struck = triples(&pipeline, "The RAF bombed Iraqi positions on Monday.");
    assert!(
        struck
            .iter()
            .any(|(c, s, _)| c.starts_with("19") && s == "GBRMIL"),
        "{struck:?}"
    );
}

#[test]
fn the_president_is_the_president_of_a_republic_named_last() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let accused = triples(
        &pipeline,
        "George W Bush sent his budget to Congress on Monday. Democrats have accused the president of hiding the costs of the war.",
    );
    assert!(
        accused
            .iter()
            .any(|(c, _, t)| c.starts_with("112") && t == "USAGOV"),
        "{accused:?}"
    );
}

#[test]
fn violence_in_a_capital_strikes_the_country_not_its_government() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let bombed = triples(&pipeline, "Rebels bombed Baghdad on Monday.");
    assert!(
        bombed
            .iter()
            .any(|(c, _, t)| (c.starts_with("18") || c.starts_with("19")) && t == "IRQ"),
        "{bombed:?}"
    );
    let visited = triples(&pipeline, "The French president visited Baghdad on Monday.");
    assert!(
        visited
            .iter()
            .any(|(c, _, t)| c.starts_with("042") && t == "IRQGOV"),
        "{visited:?}"
    );
}

#[test]
fn a_participle_on_a_noun_inside_an_argument_has_the_mode_of_its_clause() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let pitch = modes(
        &pipeline,
        "Michael Howard is to make a pitch for Britain's ethnic vote urging people to vote Conservative.",
    );
    assert!(
        pitch
            .iter()
            .any(|(c, m)| c.starts_with("02") && *m == Mode::Future),
        "{pitch:?}"
    );
}

#[test]
fn a_place_coordinated_after_a_place_in_the_subjects_phrase_is_no_co_subject() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let backed = triples(
        &pipeline,
        "The spokesman set out Mr Blair's view after the top Catholic in England and Wales backed Michael Howard's stance on abortions.",
    );
    assert!(
        !backed
            .iter()
            .any(|(c, s, _)| c.starts_with("051") && s == "GBR"),
        "{backed:?}"
    );
}

#[test]
fn a_subject_the_parse_joined_to_a_noun_before_it_acts_in_its_own_clause() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Labour MPs have warned against disunity and Tory leader Michael Howard may well \
                attack the government.";
    let found = triples(&pipeline, text);
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c.starts_with("11") && s == "GBRPTY" && t == "GBRGOV"),
        "{found:?}"
    );
    assert!(!found.iter().any(|(_, s, _)| s == "GBRLEG"), "{found:?}");
}

#[test]
fn a_bombing_by_a_group_outside_any_states_forces_is_non_military() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let codes = |text| {
        triples(&pipeline, text)
            .into_iter()
            .map(|(c, _, _)| c)
            .collect::<Vec<_>>()
    };
    let irregular = codes("The IRA bombing of the pub killed five.");
    assert!(irregular.iter().any(|c| c == "183"), "{irregular:?}");
    let military = codes("The NATO bombing of Belgrade killed five.");
    assert!(military.iter().any(|c| c == "190"), "{military:?}");
    assert!(!military.iter().any(|c| c == "183"), "{military:?}");
}

#[test]
fn a_world_region_is_an_actor_by_its_cameo_code() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(&pipeline, "Gordon Brown began a week-long visit to Africa.");
    assert!(
        found.contains(&("042".into(), "GBRGOV".into(), "AFR".into())),
        "{found:?}"
    );
}

#[test]
fn a_later_conjunct_clause_aims_at_no_one_outside_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Abuses against the Roma in Eastern Europe are well documented, and it is \
                troubling that the British government sought to deny entry to such a group.";
    let found = triples(&pipeline, text);
    assert!(found.iter().any(|(_, s, _)| s == "GBRGOV"), "{found:?}");
    assert!(found.iter().all(|(_, _, t)| t != "EEU"), "{found:?}");
}

#[test]
fn a_participle_taken_for_an_adverb_is_as_open_as_its_verb() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = modes(
        &pipeline,
        "Under the agreement, Turkey must issue a written statement promising to recognise the \
         Greek Cypriot government.",
    );
    let promise = found.iter().find(|(c, _)| c.starts_with("03"));
    assert!(
        promise.is_some_and(|(_, m)| *m == Mode::Hypothetical),
        "{found:?}"
    );
}

#[test]
fn a_deed_done_without_is_not_done() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = modes(
        &pipeline,
        "The Tories left the talks without signing the deal with Labour.",
    );
    let signing = found.iter().find(|(c, _)| c == "057");
    assert!(
        signing.is_some_and(|(_, m)| *m == Mode::Negated),
        "{found:?}"
    );
}

#[test]
fn what_others_are_said_or_alleged_to_have_done_is_reported_or_alleged() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (text, mode) in [
        (
            "The rebels are said to have attacked the Iraqi army.",
            Mode::Reported,
        ),
        (
            "The rebels are alleged to have attacked the Iraqi army.",
            Mode::Alleged,
        ),
    ] {
        let found = modes(&pipeline, text);
        assert!(
            found.iter().any(|(c, m)| c.starts_with("19") && *m == mode),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn the_one_an_inquiry_called_for_would_look_into_is_not_the_one_called_upon() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The Tories have called for an inquiry into the fast-tracking of a visa for Mr Blunkett's nanny.",
        "Labour called for an investigation of Mr Howard's remarks.",
        "The Liberal Democrats demanded an inquiry into Mr Blunkett's conduct.",
    ] {
        let coded = triples(&pipeline, text);
        assert!(
            coded
                .iter()
                .any(|(c, s, _)| (c.starts_with("02") || c.starts_with("10")) && s == "GBRPTY"),
            "{text}: {coded:?}"
        );
        assert!(coded.iter().all(|(_, _, t)| t == "-"), "{text}: {coded:?}");
    }
    // Whoever is to hold the inquiry is the one called upon.
    let by = triples(
        &pipeline,
        "Labour has called for an investigation by Home Secretary David Blunkett.",
    );
    assert!(by.iter().any(|(_, _, t)| t == "GBRGOV"), "{by:?}");
}

#[test]
fn what_is_denied_did_not_happen_and_what_is_not_denied_stays_told() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Mr Blair denied that he had met the rebels.",
        "Mr Blair denied reports that he had met the rebels.",
        "Mr Blair dismissed claims that he had met the rebels.",
        "Mr Blair denied an earlier report that he planned to meet the rebels.",
    ] {
        let coded = modes(&pipeline, text);
        assert!(
            coded
                .iter()
                .any(|(c, m)| c.starts_with("04") && *m == Mode::Negated),
            "{text}: {coded:?}"
        );
    }
    for text in [
        "Mr Blair did not deny that he had met the rebels.",
        "Mr Blair said that he had met the rebels.",
    ] {
        let coded = modes(&pipeline, text);
        assert!(
            coded
                .iter()
                .any(|(c, m)| c.starts_with("04") && *m != Mode::Negated),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn a_government_named_in_passing_after_a_preposition_is_not_the_bare_government_later() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let passing = triples(
        &pipeline,
        "Britain has offered to send soldiers to Indonesia, Downing Street said. \
         The government said the offer was aimed at Aceh. \
         Downing Street said a similar offer might be made to the Sri Lankan government. \
         The government has formally offered the Indonesian government the help of 120 soldiers.",
    );
    assert!(
        passing
            .iter()
            .any(|(c, s, t)| c.starts_with("03") && s == "GBRGOV" && t == "IDNGOV"),
        "{passing:?}"
    );
    // One named as the subject is who the bare government is next.
    let subject = triples(
        &pipeline,
        "The Indian government said the offer was welcome. \
         Later the Sri Lankan government declared a state of emergency. \
         The government criticised the Tamil Tigers on Monday.",
    );
    assert!(
        subject.iter().any(|(c, s, _)| c == "111" && s == "LKAGOV"),
        "{subject:?}"
    );
}

#[test]
fn a_lawmakers_leaders_are_his_partys() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "A British MP, Mr Jones, has criticised his leaders over tuition fees.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c == "111" && s == "GBRLEG" && t == "GBRPTY"),
        "{found:?}"
    );
    // His ministers are still the government's.
    let found = triples(
        &pipeline,
        "A British MP, Mr Jones, has criticised his ministers over tuition fees.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c == "111" && s == "GBRLEG" && t == "GBRGOV"),
        "{found:?}"
    );
    // A minister's are the government's.
    let found = triples(
        &pipeline,
        "A British minister, Mr Jones, has criticised his leaders over tuition fees.",
    );
    assert!(
        found
            .iter()
            .any(|(c, s, t)| c == "111" && s == "GBRGOV" && t == "GBRGOV"),
        "{found:?}"
    );
}

#[test]
fn a_clash_within_one_body_is_one_of_words() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The British home secretary, Mr Jones, has clashed with his leaders over tuition fees.",
        "The European Parliament has already clashed with the European Union on the issue.",
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().any(|(c, s, t)| c == "111" && s == t),
            "{text}: {found:?}"
        );
    }
    // Forces of two states clash by arms.
    let found = triples(
        &pipeline,
        "Indian troops clashed with Pakistani troops on the border.",
    );
    assert!(found.iter().any(|(c, _, _)| c == "190"), "{found:?}");
}

#[test]
fn a_known_surname_that_is_someone_elses_first_name_is_not_the_known_person() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // Lindsey Graham is known by his surname alone; Graham Robb is someone else.
    // Nor is a first name someone else's surname: Graham Brown is not Gordon Brown.
    for text in [
        "Mr Blair met Graham Robb on Monday.",
        "Mr Blair met Graham Brown on Monday.",
        // Nor is Dr Paul Miller Rand Paul, nor Mr Graham Robb Lindsey Graham, though the
        // recogniser ends these names at the first name.
        "Mr Blair met Detective Inspector Paul Miller on Monday.",
        "Mr Blair met Mr Graham Robb on Monday.",
    ] {
        let found = triples(&pipeline, text);
        assert_eq!(
            found,
            [("040".into(), "GBRGOV".into(), "-".into())],
            "{text}"
        );
    }
    let found = triples(&pipeline, "Mr Blair met Senator Lindsey Graham on Monday.");
    assert_eq!(found, [("040".into(), "GBRGOV".into(), "USALEG".into())]);
    // A day after the surname is no surname after a first name.
    let found = triples(&pipeline, "Mr Blair met Senator Graham Monday.");
    assert_eq!(found, [("040".into(), "GBRGOV".into(), "USALEG".into())]);
}

#[test]
fn an_officer_named_before_any_country_holds_an_office_of_the_documents() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Middlesbrough mayor Ray Mallon criticised the plan.\nBritain votes on Thursday.\nLabour leads in Britain.",
    );
    assert_eq!(found, [("111".into(), "GBRGOV".into(), "-".into())]);
    // Not a body of no named country: a league may be anyone's.
    let found = triples(
        &pipeline,
        "The Premier League is trying to find a date to investigate the claims.\nBritain votes on Thursday.",
    );
    assert!(found.iter().all(|(_, s, _)| s == "-"), "{found:?}");
}

#[test]
fn a_perfect_split_by_a_date_is_the_deed_of_its_own_subject() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // The tagger reads "complained" as a participle after "had in 1997" (so its subject is
    // Blair's), and the "to" before "how" opens no infinitive.
    let text = "Mr Howard said nothing. Instead, he pointed to how Tony Blair had in 1997 complained about abusive campaigning.";
    let found = triples(&pipeline, text);
    assert!(
        found.contains(&("114".into(), "GBRGOV".into(), "-".into())),
        "{found:?}"
    );
    assert!(
        modes(&pipeline, text).contains(&("114".into(), Mode::Asserted)),
        "{:?}",
        modes(&pipeline, text)
    );
}

#[test]
fn a_first_name_the_document_gave_someone_nobody_knows_names_them_later() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // "Sharon" alone is Ariel Sharon, but not once the story has named Sharon Osbourne.
    let found = triples(&pipeline, "Sharon criticised the police.");
    assert_eq!(found, [("111".into(), "ISRGOV".into(), "ISRCOP".into())]);
    let found = triples(
        &pipeline,
        "Sharon Osbourne gave details of the burglary. Later Sharon criticised the police.",
    );
    assert!(
        found.iter().all(|(_, s, _)| !s.starts_with("ISR")),
        "{found:?}"
    );
    assert!(found.iter().any(|(c, _, _)| c == "111"), "{found:?}");
}

#[test]
fn a_countrys_big_or_main_parties_are_its_parties() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Britain votes in May. Union leader Bill Morris has accused the big parties of a bidding war.",
    );
    assert!(
        found.contains(&("112".into(), "GBRLAB".into(), "GBRPTY".into())),
        "{found:?}"
    );
    // Parties no word calls political may be parties to a deal or a dispute.
    let found = triples(
        &pipeline,
        "Britain votes in May. Labour accused the other parties of a breach.",
    );
    assert_eq!(found, [("112".into(), "GBRPTY".into(), "-".into())]);
}

#[test]
fn the_accused_are_people_not_an_accusation() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Mr Blair added: \"The accused should be presumed innocent until proved guilty.\"",
    );
    assert!(
        found.iter().all(|(c, _, _)| !c.starts_with("112")),
        "{found:?}"
    );
    let found = triples(&pipeline, "Mr Blair accused the Tories of lying.");
    assert_eq!(found, [("112".into(), "GBRGOV".into(), "GBRPTY".into())]);
}

#[test]
fn a_peer_called_a_lawyer_is_of_the_judiciary() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Britain mourned. Distinguished lawyer Lord Scarman once praised Mr Blair.",
    );
    assert_eq!(found, [("051".into(), "GBRJUD".into(), "GBRGOV".into())]);
}

#[test]
fn a_visit_is_as_done_as_the_journey_it_is_made_by() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coming = modes(
        &pipeline,
        "Mr Blair said President Bush is coming to Europe as his first foreign visit.",
    );
    assert!(coming.iter().any(|(_, m)| *m == Mode::Future), "{coming:?}");
    assert!(coming.iter().all(|(c, _)| c != "042"), "{coming:?}");
    let came = modes(
        &pipeline,
        "President Bush came to Europe on his first foreign visit.",
    );
    assert!(came.contains(&("042".into(), Mode::Asserted)), "{came:?}");
}

#[test]
fn a_but_after_a_reported_clause_is_the_reporters_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Mr Brown said America too needed to take more action but defended President George Bush.",
    );
    assert!(
        found.contains(&("052".into(), "GBRGOV".into(), "USAGOV".into())),
        "{found:?}"
    );
    let found = triples(
        &pipeline,
        "Mr Blair woke up to discover President Bush had won but declined to comment.",
    );
    assert!(
        found.contains(&("011".into(), "GBRGOV".into(), "-".into())),
        "{found:?}"
    );
}

#[test]
fn the_speaker_after_a_quotation_closed_after_its_comma_is_no_one_named_in_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = triples(
        &pipeline,
        "Mr Blair spoke in Brussels. \"President Bush is there for four years. He was chosen by the American people,\" he argued. He then praised the French president.",
    );
    assert!(
        found.contains(&("051".into(), "GBRGOV".into(), "FRAGOV".into())),
        "{found:?}"
    );
}

#[test]
fn business_leaders_are_the_main_countrys_and_other_businesses_anyones() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "Britain and France met in London. Business leaders criticised the French government. Foreign firms criticised the British government.",
    );
    for expected in [("111", "GBRBUS", "FRAGOV"), ("111", "BUS", "GBRGOV")] {
        assert!(has_triple(&events, expected), "{expected:?} in {events:?}");
    }
}

#[test]
fn a_countrys_councils_are_its_government() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "A delegation of Welsh councils criticised the French government.",
    );
    assert!(
        has_triple(&events, ("111", "GBRGOV", "FRAGOV")),
        "{events:?}"
    );
}

#[test]
fn a_refusal_answers_a_demand_made_long_before_but_only_a_recent_appeal() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let filler = "The weather was mild. Markets were calm. Trains ran on time. Shops were busy. \
        Schools were open. Roads were clear. ";
    let appeal = "The French government urged the US to build anew their alliance. ";
    let demand = "The French government demanded that the US leave the treaty. ";
    // (text, the refusal's target)
    for (text, target) in [
        (
            format!("{appeal}{filler}The US refused to sign the treaty."),
            "-",
        ),
        (
            format!("{appeal}The US refused to sign the treaty."),
            "FRAGOV",
        ),
        (
            format!("{demand}{filler}The US refused to leave."),
            "FRAGOV",
        ),
    ] {
        let events = triples(&pipeline, &text);
        assert!(
            events
                .iter()
                .any(|(c, s, t)| c.starts_with("12") && s == "USA" && t == target),
            "{target} in {events:?}"
        );
    }
}

#[test]
fn the_subject_of_a_for_to_infinitive_does_it_not_the_one_above() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let events = triples(
        &pipeline,
        "The Labour Party signed a two year deal for Brighton to host the autumn conference.",
    );
    assert!(
        events
            .iter()
            .all(|(c, s, _)| !(c.starts_with("03") && s == "GBRPTY")),
        "{events:?}"
    );
    assert!(
        events.iter().any(|(c, s, _)| c == "057" && s == "GBRPTY"),
        "{events:?}"
    );
}

#[test]
fn an_intent_its_actor_announces_happened_when_announced() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // (sentence, the intent code it is asserted with, or None: nothing asserted). CAMEO's 03
    // is the offer: made, not to come; a deed predicted of another is no announcement.
    for (text, asserted) in [
        (
            "Japan has offered to send a team of doctors to assist with the relief effort in Indonesia.",
            Some("033"),
        ),
        (
            "Japan will offer to send a team of doctors to assist with the relief effort in Indonesia.",
            None,
        ),
        ("Iraq said it would allow the inspectors back.", Some("035")),
        ("Analysts said Iran would withdraw its troops from Iraq.", None),
    ] {
        let found = modes(&pipeline, text);
        let done = |c: &str, m: Mode| m == Mode::Asserted && asserted.is_none_or(|a| a == c);
        assert_eq!(
            found.iter().any(|(c, m)| done(c, *m)),
            asserted.is_some(),
            "{text}: {found:?}"
        );
    }
    // A promise coded at its own word is the one event.
    let promised = triples(&pipeline, "Japan promised to give aid to Indonesia.");
    let counted = promised
        .iter()
        .filter(|(c, s, t)| (c.as_str(), s.as_str(), t.as_str()) == ("033", "JPN", "IDN"))
        .count();
    assert_eq!(counted, 1, "{promised:?}");
}

#[test]
fn the_president_of_a_body_named_before_the_title_is_of_that_body() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (text, expected) in [
        (
            "British MPs met on Monday. Association of Chief Police Officers president Chris Fox criticised the plans.",
            "GBRCOP",
        ),
        (
            "British MPs met on Monday. Police Federation president John Doe criticised the plans.",
            "GBRCOP",
        ),
        (
            "British MPs met on Monday. Association of Directors of Social Services president John Doe criticised the plans.",
            "GBRNGO",
        ),
        (
            "British MPs met on Monday. Venezuelan President Nicolas Maduro criticised the plans.",
            "VENGOV",
        ),
    ] {
        let events = triples(&pipeline, text);
        assert!(has_triple(&events, ("111", expected, "-")), "{text}: {events:?}");
    }
}

#[test]
fn troops_an_actor_offers_to_send_are_its_own_and_the_offer_is_to_their_destination() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let offered = triples(&pipeline, "Japan has offered to send troops to Indonesia.");
    assert!(has_triple(&offered, ("030", "JPN", "IDN")), "{offered:?}");
    assert!(!offered.iter().any(|(_, _, t)| t == "MIL"), "{offered:?}");
}

#[test]
fn a_deed_sought_is_an_attempt_made_but_one_still_sought_is_to_come() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let sought = modes(&pipeline, "Britain sought to expel the diplomats.");
    assert!(
        sought
            .iter()
            .any(|(c, m)| c == "166" && *m == Mode::Asserted),
        "{sought:?}"
    );
    let seeks = modes(&pipeline, "Britain seeks to expel the diplomats.");
    assert!(
        !seeks.iter().any(|(_, m)| *m == Mode::Asserted),
        "{seeks:?}"
    );
}

#[test]
fn relations_are_cut_with_the_other_country_not_with_ones_own_envoy() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let recalled = triples(
        &pipeline,
        "Colombian President Gustavo Petro recalled his ambassador from Washington on Monday.",
    );
    assert!(
        has_triple(&recalled, ("161", "COLGOV", "USAGOV")),
        "{recalled:?}"
    );
    // An agreement between two countries suspended cuts relations with the other.
    let suspended = triples(
        &pipeline,
        "Venezuela suspended a gas agreement with Trinidad and Tobago on Monday.",
    );
    assert!(
        has_triple(&suspended, ("160", "VEN", "TTO")),
        "{suspended:?}"
    );
}

#[test]
fn a_shore_is_where_a_deed_of_force_took_place_and_things_in_a_country_are_its() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    // The country of a shore something lies off is a place, not the one struck.
    for text in [
        "US forces struck a boat off the coast of Venezuela on Tuesday.",
        "The US struck a vessel off Venezuela's coast.",
    ] {
        let struck = triples(&pipeline, text);
        assert!(
            has_triple(&struck, ("190", "USA", "-")) || has_triple(&struck, ("190", "USAMIL", "-")),
            "{text}: {struck:?}"
        );
    }
    // Targets struck inside a country are that country's.
    let bombed = triples(&pipeline, "The US bombed targets in Venezuela.");
    assert!(has_triple(&bombed, ("190", "USA", "VEN")), "{bombed:?}");
    let raids = triples(&pipeline, "Israel launched airstrikes on sites in Lebanon.");
    assert!(
        raids
            .iter()
            .any(|(c, s, t)| c.starts_with("19") && s == "ISR" && t == "LBN"),
        "{raids:?}"
    );
    // An actor struck is the target.
    let struck = triples(&pipeline, "The US struck Venezuela.");
    assert!(has_triple(&struck, ("190", "USA", "VEN")), "{struck:?}");
}

#[test]
fn strikes_told_of_in_the_past_as_to_come_are_a_threat_of_force() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Trump said the US would begin strikes on land targets in Venezuela.";
    let told = triples(&pipeline, text);
    assert!(has_triple(&told, ("138", "USA", "VEN")), "{told:?}");
    assert!(modes(&pipeline, text)
        .iter()
        .any(|(c, m)| c == "138" && *m == Mode::Future));
    // A condition keeps it hypothetical, and still a threat; so does a possibility told.
    for text in [
        "Trump said the US would begin strikes on Venezuela if Maduro refused to leave.",
        "Trump said the US could launch strikes on Venezuela.",
    ] {
        let threat = triples(&pipeline, text);
        assert!(
            has_triple(&threat, ("138", "USA", "VEN")),
            "{text}: {threat:?}"
        );
        let conditional = modes(&pipeline, text);
        assert!(
            conditional.iter().all(|(_, m)| *m == Mode::Hypothetical),
            "{text}: {conditional:?}"
        );
    }
}

#[test]
fn forces_sent_are_a_deployment_and_threats_name_what_they_threaten() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let sent = triples(&pipeline, "Russia sent troops to Syria.");
    assert_eq!(sent, [("154".into(), "RUS".into(), "SYR".into())]);
    let deployed = triples(&pipeline, "Russia deployed troops.");
    assert_eq!(deployed, [("154".into(), "RUS".into(), "-".into())]);
    let advisers = triples(&pipeline, "Russia sent military advisers to Caracas.");
    assert!(
        has_triple(&advisers, ("062", "RUS", "VENGOV")),
        "{advisers:?}"
    );
    // Forces offered are help on offer, coded at the offer alone.
    let offered = triples(&pipeline, "Britain offered to send troops to Indonesia.");
    assert!(
        offered.iter().all(|(c, _, _)| !c.starts_with("13")),
        "{offered:?}"
    );
    // One threat, named by what it threatens.
    for (text, code) in [
        ("Russia threatened to send troops to Ukraine.", "138"),
        ("Russia threatened to impose sanctions on Ukraine.", "131"),
    ] {
        let threat = triples(&pipeline, text);
        assert_eq!(
            threat,
            [(code.into(), "RUS".into(), "UKR".into())],
            "{text}"
        );
    }
}

/// (CAMEO code, source code, target code) expected of an event.
type Expected<'a> = (&'a str, &'a str, &'a str);

/// Asserts that each text's events hold its triple, or that a text paired with `None` has no
/// event.
fn assert_coded(pipeline: &Pipeline, cases: &[(&str, Option<Expected>)]) {
    for (text, expected) in cases {
        let found = triples(pipeline, text);
        match expected {
            Some(triple) => assert!(has_triple(&found, *triple), "{text}: {found:?}"),
            None => assert!(found.is_empty(), "{text}: {found:?}"),
        }
    }
}

#[test]
fn ties_cut_and_visas_revoked_reduce_relations() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Colombia suspended intelligence sharing with the United States.",
                Some(("160", "COL", "USA")),
            ),
            (
                "The State Department revoked the visas of six Venezuelan officials.",
                Some(("163", "USAGOV", "VENGOV")),
            ),
        ],
    );
}

#[test]
fn asking_an_actor_to_act_is_an_appeal_and_speaking_with_one_a_consultation() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Britain asked the UN Security Council to hold an emergency meeting.",
                Some(("020", "GBR", "IGOUNO")),
            ),
            // A question asked is no appeal.
            (
                "Britain asked France whether it planned to lift the embargo.",
                None,
            ),
            (
                "Britain spoke with France on Friday.",
                Some(("040", "GBR", "FRA")),
            ),
            // With sincerity, with no one.
            ("Britain spoke with great sincerity on Friday.", None),
        ],
    );
}

#[test]
fn thanks_unwelcome_envoys_and_closed_embassies_are_coded_between_the_two() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Maduro thanked Russia for its support.",
                Some(("051", "VENGOV", "RUS")),
            ),
            (
                "Venezuela's National Assembly declared Trump persona non grata.",
                Some(("166", "VENLEG", "USAGOV")),
            ),
            (
                "Britain closed its embassy in Iran.",
                Some(("161", "GBR", "IRN")),
            ),
            // Thanks for a thing, to no actor, are no event.
            ("Maduro thanked the weather for the holiday.", None),
        ],
    );
}

#[test]
fn those_an_appeal_asks_to_be_freed_are_not_appealed_to() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Britain appealed for Iraqi prisoners to be freed.",
        "Britain appealed for the release of Iraqi prisoners.",
    ] {
        let found = triples(&pipeline, text);
        assert_eq!(found, [("020".into(), "GBR".into(), "-".into())], "{text}");
    }
    // Those the appeal is made to are.
    let found = triples(
        &pipeline,
        "Britain appealed to Iran for the prisoners to be freed.",
    );
    assert!(has_triple(&found, ("020", "GBR", "IRN")), "{found:?}");
}

#[test]
fn forces_a_deployment_moves_are_the_movers_own_not_its_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The Pentagon deployed the USS Gerald R. Ford to the Caribbean.",
        "The Pentagon announced the deployment of the USS Gerald R. Ford to the Caribbean.",
        "The USS Gerald R. Ford arrived in the Caribbean on Sunday.",
    ] {
        let found = triples(&pipeline, text);
        assert_eq!(
            found,
            [("154".into(), "USAMIL".into(), "-".into())],
            "{text}"
        );
    }
    assert_coded(
        &pipeline,
        &[
            // Where they go is the target, when an actor stands for it.
            (
                "Russia announced the deployment of troops to Belarus.",
                Some(("154", "RUS", "BLR")),
            ),
            (
                "Maduro ordered the mobilisation of 4.5 million militia members.",
                Some(("154", "VENGOV", "-")),
            ),
            // A predicate the tagger first read as a participle ("The opposition called").
            (
                "Venezuela's opposition called for protests against Maduro.",
                Some(("113", "VENOPP", "VENGOV")),
            ),
        ],
    );
    // Solidarity declared with an actor endorses it; with no actor, no event.
    assert_coded(
        &pipeline,
        &[
            (
                "Cuba expressed solidarity with Venezuela.",
                Some(("051", "CUB", "VEN")),
            ),
            ("Cuba expressed solidarity with the strikers.", None),
        ],
    );
    // A mobilisation of voters is no show of force.
    assert_coded(
        &pipeline,
        &[("Labour ordered the mobilisation of its voters.", None)],
    );
}

#[test]
fn a_deed_an_actor_pledges_to_work_towards_is_announced_then() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = modes(
        &pipeline,
        "The EU pledged to work towards lifting the arms embargo on China.",
    );
    assert!(
        found.contains(&("035".to_string(), Mode::Asserted)),
        "{found:?}"
    );
    // One pledge, one event: the intent its deed names, not a bare one at "pledged" too.
    let found = triples(&pipeline, "The US pledged to lift sanctions on Iran.");
    assert_eq!(found, [("035".into(), "USA".into(), "IRN".into())]);
    // Worked towards by someone else's prediction, it is still to come.
    let found = modes(
        &pipeline,
        "Analysts expect the EU to work towards lifting the arms embargo on China.",
    );
    assert!(found.iter().all(|(_, m)| *m != Mode::Asserted), "{found:?}");
}

#[test]
fn an_attack_people_were_killed_in_is_aimed_at_them() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Eleven Venezuelans were killed in a US strike on a boat.",
                Some(("190", "USA", "VEN")),
            ),
            (
                "Three Venezuelan fishermen died in the US attack on Tuesday.",
                Some(("190", "USA", "VEN")),
            ),
            // The killers' own attack: still the killing of those they attacked.
            (
                "Venezuelan troops killed two Colombian soldiers in a clash.",
                Some(("190", "VENMIL", "COLMIL")),
            ),
        ],
    );
}

#[test]
fn a_headlines_bare_passive_does_not_make_its_victims_the_killers() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Venezuelan soldiers killed in clash with Colombian troops.",
        "Venezuelan soldiers killed by Colombian troops.",
    ] {
        let found = triples(&pipeline, text);
        assert!(
            found.iter().all(|(_, s, _)| s != "VENMIL"),
            "{text}: {found:?}"
        );
    }
    assert!(has_triple(
        &triples(&pipeline, "Venezuelan soldiers killed by Colombian troops."),
        ("190", "COLMIL", "VENMIL")
    ));
}

#[test]
fn operating_rights_revoked_sanction_and_a_blockade_announced_is_imposed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Venezuela revoked the operating rights of six international airlines on Wednesday.",
                Some(("163", "VEN", "BUS")),
            ),
            (
                "Trump announced a blockade of sanctioned oil tankers going into and out of Venezuela.",
                Some(("191", "USAGOV", "VEN")),
            ),
            // Talk of a blockade imposes none.
            ("Maduro said a blockade of Venezuela would be illegal.", None),
        ],
    );
}

#[test]
fn questioning_what_was_done_or_said_is_disapproval_questioning_a_suspect_is_not() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "The Tories questioned Labour's claim that taxes would not rise.",
                Some(("110", "GBRPTY", "GBRPTY")),
            ),
            (
                "Senator Rand Paul questioned the legality of the strikes.",
                Some(("110", "USALEG", "-")),
            ),
            (
                "Police in Caracas questioned the suspect for six hours.",
                None,
            ),
        ],
    );
}

#[test]
fn latin_and_south_americans_are_no_americans() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Venezuela expelled the ambassadors of seven Latin American countries.",
                Some(("166", "VEN", "LAM")),
            ),
            (
                "South American presidents condemned the strikes.",
                Some(("111", "SAM", "-")),
            ),
        ],
    );
}

#[test]
fn sending_troops_ruled_out_is_negated_and_not_ruled_out_hypothetical() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let mode_of_154 = |text: &str| {
        let found = modes(&pipeline, text);
        found
            .iter()
            .find(|(code, _)| code == "154")
            .map(|(_, m)| *m)
            .unwrap_or_else(|| panic!("{text}: {found:?}"))
    };
    assert_eq!(
        mode_of_154("The White House ruled out sending troops into Venezuela."),
        Mode::Negated
    );
    assert_eq!(
        mode_of_154("The White House has not ruled out sending troops into Venezuela."),
        Mode::Hypothetical
    );
}

#[test]
fn the_infinitive_of_an_accused_gerund_is_the_accused_ones_alleged_deed() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (text, code) in [
        (
            "Caracas accused Washington of trying to attack Venezuelan boats.",
            "190",
        ),
        (
            "Caracas accused Washington of seeking to seize Venezuela's oil.",
            "171",
        ),
    ] {
        let found = triples(&pipeline, text);
        assert!(
            has_triple(&found, (code, "USAGOV", "VEN")),
            "{text}: {found:?}"
        );
        assert!(
            found
                .iter()
                .all(|(c, s, _)| c.starts_with("11") || s != "VENGOV"),
            "{text}: {found:?}"
        );
        let found = modes(&pipeline, text);
        assert!(
            found.iter().any(|(c, m)| c == code && *m == Mode::Alleged),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn military_drills_show_power_and_joint_ones_are_military_cooperation() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Venezuelan troops conducted military drills along the coast.",
                Some(("150", "VENMIL", "-")),
            ),
            (
                "The US Navy conducted joint exercises with Trinidad and Tobago.",
                Some(("062", "USAMIL", "TTO")),
            ),
            (
                "The council in Caracas conducted a public consultation exercise.",
                None,
            ),
        ],
    );
}

#[test]
fn name_calling_denounces_and_support_expressed_is_support() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Colombia's Petro called Trump a tyrant.",
                Some(("111", "COLGOV", "USAGOV")),
            ),
            (
                "Russia expressed support for Venezuela.",
                Some(("051", "RUS", "VEN")),
            ),
            (
                "Cuba voiced its support for Maduro.",
                Some(("051", "CUB", "VENGOV")),
            ),
        ],
    );
    // Naming the object something else is no appeal, whatever "for" follows.
    let found = triples(
        &pipeline,
        "Blair called Labour a machine for winning elections.",
    );
    assert!(found.iter().all(|(c, _, _)| c != "020"), "{found:?}");
    // The cue elsewhere than what the object is called: still the appeal.
    let found = triples(&pipeline, "Maduro called on the army to arrest a traitor.");
    assert!(found.iter().all(|(c, _, _)| c != "111"), "{found:?}");
    assert!(found.iter().any(|(c, _, _)| c == "020"), "{found:?}");
}

#[test]
fn a_vessel_intercepted_or_boarded_is_seized() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "The US Navy intercepted a Venezuelan boat.",
                Some(("1711", "USAMIL", "VEN")),
            ),
            (
                "U.S. forces boarded a sanctioned oil tanker in the Caribbean.",
                Some(("1711", "USAMIL", "-")),
            ),
            ("Hundreds of passengers boarded the ship in Caracas.", None),
        ],
    );
}
