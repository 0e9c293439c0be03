//! Lexicon rows, whole pipeline, own parse. A row flagged `directed` ("support", "kill") is
//! coded only when its target is a known actor: support for a government is an event, a
//! "supporting actress" or killing a bill is not. A one-word preposition cue counts only when
//! the phrase it introduces belongs to the trigger: "insisted on a vote" is a demand,
//! "insisted the party was on course to win" is a statement.

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::Document;

fn codes(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let analysis = pipeline.analyze(Document::from_text(text));
    analysis.events.iter().map(|e| e.cameo.clone()).collect()
}

/// The target codes of the criticisms (111) coded in `text`.
fn criticised(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let analysis = pipeline.analyze(Document::from_text(text));
    analysis
        .events
        .iter()
        .filter(|e| e.cameo == "111")
        .filter_map(|e| e.target.as_ref()?.code.clone())
        .collect()
}

/// Asserts that each text codes an event whose CAMEO code starts with its prefix.
fn assert_coded(pipeline: &Pipeline, cases: &[(&str, &str)]) {
    for (text, prefix) in cases {
        let coded = codes(pipeline, text);
        assert!(
            coded.iter().any(|c| c.starts_with(prefix)),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn directed_rows_need_a_known_actor_as_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = codes(
        &pipeline,
        "France supported the Iraqi government on Monday.",
    );
    assert!(coded.iter().any(|c| c.starts_with("05")), "{coded:?}");
    for text in [
        "Natalie Portman supported Meryl Streep in the film.",
        "The minister tried to kill the Disability Bill in 1994.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            !coded
                .iter()
                .any(|c| c.starts_with("05") || c.starts_with("19")),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn a_pledge_or_a_warning_needs_someone_it_is_made_to() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let to = |text: &str, root: &str| codes(&pipeline, text).iter().any(|c| c.starts_with(root));
    assert!(to("Iran warned Israel against an attack on Monday.", "13"));
    assert!(to("France promised Germany its support on Monday.", "03"));
    // Campaign promises and warnings about the state of things are statements.
    assert!(!to("The Tories promised to cut taxes on Monday.", "03"));
    assert!(!to("The minister warned that prices would rise.", "13"));
}

#[test]
fn a_harsh_statement_is_a_criticism_only_of_a_known_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let criticism = |text: &str| codes(&pipeline, text).iter().any(|c| c == "111");
    assert!(criticism("France said the Russian plan was a disgrace."));
    assert!(!criticism(
        "France said it would be wrong to cut taxes now."
    ));
}

#[test]
fn declining_to_answer_is_declining_comment_and_recognition_is_of_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = codes(&pipeline, "France refused to answer questions on the deal.");
    assert!(coded.iter().any(|c| c == "011"), "{coded:?}");
    assert!(!coded.iter().any(|c| c.starts_with("12")), "{coded:?}");
    // Refusing to deny a report, or to rule something out, is no rejection of anything: a
    // comment declined.
    for text in [
        "France refused to deny reports of a secret deal with Libya.",
        "France refused to rule out new sanctions against Libya.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(coded.iter().any(|c| c == "011"), "{text}: {coded:?}");
        assert!(
            !coded.iter().any(|c| c.starts_with("12")),
            "{text}: {coded:?}"
        );
    }
    let recognised = |text: &str| codes(&pipeline, text).iter().any(|c| c == "054");
    assert!(recognised(
        "France recognised the Kosovo government on Monday."
    ));
    assert!(!recognised(
        "France said the law recognised young people who gain independence."
    ));
}

#[test]
fn a_preposition_cue_belongs_to_the_trigger() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let demand = codes(&pipeline, "The Tories insisted on a vote in the Commons.");
    assert!(demand.iter().any(|c| c.starts_with("10")), "{demand:?}");
    for statement in [
        "The Tories insisted they were on course to win the election.",
        "The Tories insisted the vote would be held on Friday.",
    ] {
        let coded = codes(&pipeline, statement);
        assert!(
            coded.iter().all(|c| !c.starts_with("10")),
            "{statement}: {coded:?}"
        );
    }
}

#[test]
fn agreeing_with_an_opinion_is_no_intent_to_act() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let intent = |text: &str| codes(&pipeline, text).iter().any(|c| c.starts_with("03"));
    assert!(intent("France agreed to cut its tariffs on German cars."));
    assert!(!intent(
        "The French foreign minister agreed with the British government's view on Monday."
    ));
}

#[test]
fn outlawing_a_group_suspending_links_and_blowing_up_lines_are_coercion() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let outlawed = codes(
        &pipeline,
        "The Kenyan government outlawed the largest Somali separatist movement on Monday.",
    );
    assert!(outlawed.iter().any(|c| c == "1722"), "{outlawed:?}");
    let suspended = codes(
        &pipeline,
        "Spain announced a suspension of air links with Morocco on Wednesday.",
    );
    assert!(suspended.iter().any(|c| c == "161"), "{suspended:?}");
    let blown = codes(
        &pipeline,
        "Sudanese rebels blew up two oil pipelines near Khartoum last week.",
    );
    assert!(blown.iter().any(|c| c == "1712"), "{blown:?}");
}

#[test]
fn deriding_ridiculing_and_rebuking_are_criticism() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The French government derided the German plan on Monday.",
        "The British prime minister ridiculed the Conservatives' tax plans.",
        "Russia rebuked Ukraine for its refusal to pay.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(coded.iter().any(|c| c == "111"), "{text}: {coded:?}");
    }
}

#[test]
fn an_appeal_is_for_something_or_to_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let appeal = |text: &str| codes(&pipeline, text).iter().any(|c| c.starts_with("02"));
    assert!(appeal("France appealed for calm on Monday."));
    assert!(appeal(
        "France appealed to the Iraqi government to release the hostages."
    ));
    // Being attractive to voters, or going to court, is no appeal to an actor.
    assert!(!appeal(
        "The French plan is designed to appeal to women voters."
    ));
    assert!(!appeal(
        "The French government will appeal against the ruling."
    ));
}

#[test]
fn a_telephone_call_is_made_to_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let called = |text: &str| codes(&pipeline, text).iter().any(|c| c == "041");
    assert!(called(
        "The French president telephoned the Russian president on Monday."
    ));
    // Canvassing voters by phone is no contact between political actors.
    assert!(!called(
        "The French Socialists are telephoning millions of voters."
    ));
}

#[test]
fn sharing_expertise_or_providing_intelligence_is_sharing_information() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "France has been sharing expertise with the Iraqi government.",
        "France is providing military intelligence to the Iraqi government.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(coded.iter().any(|c| c == "064"), "{text}: {coded:?}");
    }
    // A briefing given is no intelligence handed over.
    let briefing = codes(
        &pipeline,
        "French officials gave an intelligence briefing to the Iraqi government.",
    );
    assert!(briefing.iter().all(|c| c != "064"), "{briefing:?}");
}

#[test]
fn ordering_someone_to_go_somewhere_is_no_demand_to_resign() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = codes(
        &pipeline,
        "The French president ordered the Iraqi government to go on a visit to Paris.",
    );
    assert!(coded.iter().all(|c| c != "1041"), "{coded:?}");
    let coded = codes(
        &pipeline,
        "The French president ordered the Iraqi prime minister to resign.",
    );
    assert!(coded.iter().any(|c| c == "1041"), "{coded:?}");
}

#[test]
fn agreeing_that_something_is_so_is_a_view_not_an_agreement() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let agrees = |text: &str| codes(&pipeline, text).iter().any(|c| c.starts_with("03"));
    assert!(agrees(
        "France and Germany agreed that their armies should train together."
    ));
    assert!(agrees("France agreed to send troops to Chad."));
    for text in [
        "The French foreign minister agreed the German plan was unfair.",
        "The French foreign minister said he agreed with this.",
        "France and Germany agreed about what happened in Chad.",
        "The French government agreed public spending would increase more slowly.",
    ] {
        assert!(!agrees(text), "{text}: {:?}", codes(&pipeline, text));
    }
}

#[test]
fn a_harsh_statement_criticises_the_actor_its_critical_word_is_about() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let found = criticised(
        &pipeline,
        "The French foreign minister said Britain had done good work but Iran's policy was a failure.",
    );
    assert_eq!(found, ["IRN"]);
    // A critical word about no actor ("cases of fraud") criticises nobody.
    let coded = codes(
        &pipeline,
        "The French foreign minister said Britain had offered good co-operation in the inquiry into cases of fraud.",
    );
    assert!(!coded.iter().any(|c| c == "111"), "{coded:?}");
    // Nor those a harm was done to ("intimidation of Iraqi activists").
    let victims = criticised(
        &pipeline,
        "The French foreign minister said there had been widespread intimidation of Iraqi activists.",
    );
    assert!(victims.is_empty(), "{victims:?}");
}

#[test]
fn no_longer_tolerating_swearing_to_fight_and_imposing_restrictions_are_coded() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let has = |text: &str, code: &str| {
        let coded = codes(&pipeline, text);
        assert!(coded.iter().any(|c| c == code), "{text}: {coded:?}");
    };
    has(
        "The Egyptian interior minister warned that police will no longer tolerate rallies.",
        "130",
    );
    has(
        "Iraqi rebels have sworn to fight until they gain control of the villages.",
        "138",
    );
    has(
        "The French government imposed restrictions on Italian imports on Monday.",
        "172",
    );
}

#[test]
fn a_clause_describing_a_noun_ranks_under_the_sentences_own_event() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "Egyptian demonstrators rioted following a peaceful demonstration calling for the removal of President Hosni Mubarak.",
    ));
    let calling = analysis.events.iter().find(|e| e.cameo.starts_with("02"));
    let rioting = analysis.events.iter().find(|e| e.cameo == "145");
    match (calling, rioting) {
        (Some(c), Some(r)) => assert!(r.confidence > c.confidence, "{:?}", analysis.events),
        _ => panic!("both events expected: {:?}", analysis.events),
    }
}

#[test]
fn throwing_stones_is_a_violent_protest_even_when_resorted_to() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Palestinian youths threw stones at Israeli soldiers on Friday.",
                "145",
            ),
            (
                "Palestinian youths resorted to throwing stones at Israeli soldiers on Friday.",
                "145",
            ),
        ],
    );
}

#[test]
fn ethnic_cleansing_sexual_abuse_and_breaking_a_ceasefire_are_coded() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "Serb forces were engaged in ethnic cleansing against the Albanian population.",
    ));
    assert!(
        analysis
            .events
            .iter()
            .any(|e| e.cameo == "203" && e.source.code.as_deref() == Some("SRBMIL")),
        "{:?}",
        analysis.events
    );
    assert_coded(
        &pipeline,
        &[
            (
                "Mexican soldiers sexually abused Guatemalan migrants.",
                "1821",
            ),
            (
                "Ugandan rebels violated the ceasefire with the army on Monday.",
                "196",
            ),
        ],
    );
}

#[test]
fn silencing_a_newspaper_or_ordering_patrols_is_coded() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "The Nicaraguan government ordered the opposition newspaper to suspend publication.",
                "1721",
            ),
            (
                "The Pakistani government has ordered patrols by police after violent protests.",
                "153",
            ),
        ],
    );
}

#[test]
fn offering_peacekeepers_or_evacuating_settlements_is_coded() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "France sent 4,000 troops to an international peace-keeping force in Liberia.",
                "07",
            ),
            (
                "Israel evacuated all 21 settlements in the Gaza Strip.",
                "08",
            ),
        ],
    );
}

#[test]
fn seizing_on_a_report_is_no_seizure() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = codes(
        &pipeline,
        "The Iraqi prime minister is expected to seize on those reports on Wednesday.",
    );
    assert!(
        !coded
            .iter()
            .any(|c| c.starts_with("17") || c.starts_with("13")),
        "{coded:?}"
    );
    let coded = codes(
        &pipeline,
        "Iraqi police seized weapons from the militia on Wednesday.",
    );
    assert!(coded.iter().any(|c| c == "171"), "{coded:?}");
}

#[test]
fn what_a_call_for_someone_to_act_asks_for_is_no_act() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Tony Blair repeated calls for the London mayor to apologise for likening a reporter to a guard.",
        "The French president called for the Italian prime minister to apologise for his remarks.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(!coded.iter().any(|c| c == "055"), "{text}: {coded:?}");
    }
}

#[test]
fn the_act_ranks_over_what_it_is_done_for() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let analysis = pipeline.analyze(Document::from_text(
        "Kurdish prisoners began a hunger strike to demand the resignation of the Turkish prime minister.",
    ));
    let demand = analysis.events.iter().find(|e| e.cameo.starts_with("104"));
    let strike = analysis.events.iter().find(|e| e.cameo == "142");
    match (demand, strike) {
        (Some(d), Some(s)) => assert!(s.confidence > d.confidence, "{:?}", analysis.events),
        _ => panic!("both events expected: {:?}", analysis.events),
    }
    // An intent announced in such a clause is what the sentence says.
    let analysis = pipeline.analyze(Document::from_text(
        "French ministers agreed on Monday to provide 30 million dollars of aid for Sudan.",
    ));
    let best = analysis
        .events
        .iter()
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence));
    assert_eq!(
        best.map(|e| e.cameo.as_str()),
        Some("033"),
        "{:?}",
        analysis.events
    );
}

#[test]
fn a_protest_lodged_with_a_government_is_an_official_complaint() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[(
            "France lodged a formal protest with Iran on Tuesday.",
            "114",
        )],
    );
}

#[test]
fn warning_that_something_is_so_is_a_view_and_invading_needs_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The British prime minister warned the Conservatives were not as united as their leaders claimed.",
        "The British prime minister warned the \"Abstentions Party\" was the real challenge to Labour.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            coded.iter().all(|c| !c.starts_with("13")),
            "{text}: {coded:?}"
        );
    }
    assert_coded(
        &pipeline,
        &[
            (
                "The German chancellor warned Russia that it would face sanctions.",
                "13",
            ),
            ("Iraq invaded Kuwait in August 1990.", "192"),
        ],
    );
    let invaded = codes(
        &pipeline,
        "Angry German fans invaded the pitch after the match.",
    );
    assert!(invaded.iter().all(|c| c != "192"), "{invaded:?}");
}

#[test]
fn letting_people_return_and_troops_withdrawn_are_yielding() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Turkey allowed Kurdish refugees to return home on Monday.",
                "081",
            ),
            (
                "Russia said on Tuesday its troops had withdrawn from the town.",
                "087",
            ),
        ],
    );
}

#[test]
fn releasing_figures_or_an_album_is_no_release_of_anyone() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[("Iran released two French hostages on Monday.", "084")],
    );
    for text in [
        "The French government released new trade figures on Monday.",
        "Figures released by the French government on Monday showed a fall in trade.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            !coded.iter().any(|c| c.starts_with("084")),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn a_journey_to_a_place_no_actor_stands_for_is_no_visit() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            ("The French president visited Germany on Monday.", "042"),
            (
                "The French president will travel to Germany on Monday.",
                "03",
            ),
        ],
    );
    for text in [
        "The French president visited marginal constituencies on Monday.",
        "The French president will travel to key cities on Monday.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            !coded
                .iter()
                .any(|c| c.starts_with("04") || c.starts_with("03")),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn a_promise_is_aimed_at_the_sources_own_country_only_when_done_to_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let to = |text: &str| codes(&pipeline, text).iter().any(|c| c.starts_with("03"));
    assert!(to(
        "The Serbian president promised to democratise Serbia on Monday."
    ));
    assert!(to(
        "The Serbian president promised Croatia a new treaty on Monday."
    ));
    assert!(!to(
        "The Serbian president promised a limit on immigration into Serbia on Monday."
    ));
    assert!(!to(
        "The Serbian president pledged to cut Serbia's compensation bill on Monday."
    ));
}

#[test]
fn expulsions_stopped_protests_halted_mediation_and_cyber_attacks_have_their_codes() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Ghana forced the Red Cross out of the country last week.",
                "166",
            ),
            (
                "Kenyan police prevented a rally by opposition supporters on Friday.",
                "1721",
            ),
            (
                "Nigerian police broke up a demonstration by students on Monday.",
                "175",
            ),
            (
                "Norway halted its mediation between Sri Lanka and the rebels.",
                "165",
            ),
            ("Canada withheld aid from the Haitian government.", "162"),
            (
                "Syrian troops have recaptured the town from the rebels.",
                "190",
            ),
            (
                "Chinese hackers broke into and defaced Taiwanese government websites.",
                "170",
            ),
        ],
    );
    // A topic is no deed: talk about hacking, or a rally that was not prevented.
    for text in [
        "The Russian forum had a discussion group on hacking and spam.",
        "Kenyan opposition supporters held a rally in Nairobi on Friday.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            !coded.iter().any(|c| c == "170" || c == "1721"),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn requests_bombarding_a_minister_and_exposure_to_ridicule_are_no_attacks() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "British MPs bombarded the Foreign Secretary with requests for a statement.",
        "The Labour Party said the plan had exposed the government to ridicule.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            !coded
                .iter()
                .any(|c| c.starts_with("19") || c.starts_with("11")),
            "{text}: {coded:?}"
        );
    }
    assert_coded(
        &pipeline,
        &[(
            "Russian artillery bombarded Georgian positions overnight.",
            "19",
        )],
    );
}

#[test]
fn peacekeepers_arriving_weapons_returned_and_crowds_gathering_to_protest_have_their_codes() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "UN peacekeeping troops arrived in Liberia on Monday.",
                "074",
            ),
            (
                "The Ugandan rebels returned the weapons they took from the army.",
                "0842",
            ),
            (
                "Thousands of Kenyans gathered for a rally against the government.",
                "141",
            ),
        ],
    );
    // Troops that are no peacekeepers arriving are a show of force.
    assert_coded(
        &pipeline,
        &[("Russian troops arrived in Crimea on Monday.", "154")],
    );
}

#[test]
fn a_news_conference_hosted_is_no_meeting() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let press = codes(
        &pipeline,
        "The Russian president hosted a news conference in Moscow with Chinese reporters.",
    );
    assert!(
        press
            .iter()
            .all(|c| !c.starts_with("04") && !c.starts_with("03")),
        "{press:?}"
    );
    assert_coded(
        &pipeline,
        &[("The Russian president hosted a summit with China.", "04")],
    );
}

#[test]
fn denying_what_was_asked_for_and_failing_to_agree_are_rejections() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Turkey denied permission for the aid convoy to cross its border.",
                "12",
            ),
            ("Britain was denied access to the prisoners by Iran.", "12"),
            (
                "Serbia and Kosovo failed to reach agreement on the status of the north on Sunday.",
                "12",
            ),
        ],
    );
    // Denying an allegation and failing at something else reject nothing.
    for text in [
        "The Serbian government denied the allegations on Monday.",
        "The Kenyan government failed to win the vote.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            coded.iter().all(|c| !c.starts_with("12")),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn steps_taken_to_ease_restrictions_are_a_concession_made() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = |text: &str| {
        let analysis = pipeline.analyze(Document::from_text(text));
        analysis
            .events
            .iter()
            .map(|e| (e.cameo.clone(), format!("{:?}", e.mode)))
            .collect::<Vec<_>>()
    };
    for text in [
        "The Sudanese government took steps to expand political freedoms on Monday.",
        "The Sudanese government took measures to restore civil liberties.",
    ] {
        let events = coded(text);
        assert!(
            events.iter().any(|(c, m)| c == "0811" && m == "Asserted"),
            "{text}: {events:?}"
        );
    }
    // Steps still to be taken, or only planned, are an intent.
    for text in [
        "The Sudanese government will take steps to expand political freedoms.",
        "The Sudanese government plans to expand political freedoms.",
    ] {
        let events = coded(text);
        assert!(
            events.iter().all(|(c, _)| c != "0811") && events.iter().any(|(c, _)| c == "035"),
            "{text}: {events:?}"
        );
    }
}

#[test]
fn raising_fighters_mobilises_and_a_petition_drive_is_dissent() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "Iran has recruited hundreds of fighters in the south.",
                "154",
            ),
            (
                "North Korea has trained thousands of computer hackers.",
                "154",
            ),
            (
                "The Kenyan opposition began collecting signatures against the new constitution.",
                "140",
            ),
        ],
    );
    // Training one's own recruits, or collecting taxes, is neither.
    for text in [
        "The Kenyan army trained its new recruits in Nairobi.",
        "The Kenyan government collected taxes in Nairobi.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            coded
                .iter()
                .all(|c| !c.starts_with("15") && !c.starts_with("14")),
            "{text}: {coded:?}"
        );
    }
}

#[test]
fn an_appeal_against_a_ruling_is_taken_to_a_court_not_made_to_an_actor() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "The Kenyan government appealed against a ruling by the High Court in Nairobi.",
        "France will appeal against the acquittal of the Greek athletes.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            coded.iter().all(|c| !c.starts_with("02")),
            "{text}: {coded:?}"
        );
    }
    // An appeal made to an actor, or for something, is one.
    assert_coded(
        &pipeline,
        &[
            ("France appealed to Russia to release the hostages.", "02"),
            ("The Kenyan government appealed for calm on Monday.", "02"),
        ],
    );
}

#[test]
fn house_arrest_ordered_is_a_restriction_and_attacking_poverty_no_criticism() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    assert_coded(
        &pipeline,
        &[
            (
                "The French interior minister ordered the suspects to face house arrest.",
                "173",
            ),
            (
                "The Kenyan government placed the opposition leader under house arrest.",
                "173",
            ),
        ],
    );
    let coded = codes(
        &pipeline,
        "The Kenyan government is attacking poverty, ignorance and disease in the north.",
    );
    assert!(coded.iter().all(|c| !c.starts_with("11")), "{coded:?}");
    // Attacking another's record is still criticism.
    let coded = codes(
        &pipeline,
        "The Kenyan opposition attacked the government's record on poverty.",
    );
    assert!(coded.iter().any(|c| c.starts_with("11")), "{coded:?}");
}

#[test]
fn demanding_to_know_is_no_demand_to_leave() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = codes(
        &pipeline,
        "The Kenyan opposition leader demanded to know who had approved the minister's leave.",
    );
    assert!(coded.iter().any(|c| c == "100"), "{coded:?}");
    assert!(coded.iter().all(|c| c != "1041"), "{coded:?}");
}

#[test]
fn defying_the_pundits_or_the_odds_defies_no_norm() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for text in [
        "Gordon Brown told MPs he had defied the pundits by hitting his growth target.",
        "The British government defied the odds.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(coded.iter().all(|c| c != "128"), "{text}: {coded:?}");
    }
    let coded = codes(&pipeline, "The British government defied the court.");
    assert!(coded.iter().any(|c| c == "128"), "{coded:?}");
}
