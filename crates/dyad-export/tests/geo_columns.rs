//! The GDELT geo columns (Geo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
//! FeatureID): our rows follow the rules the real GDELT export follows.

use dyad_export::gdelt::{gdelt_coordinate, geo_columns};
use dyad_geo::{country_location, feature_location, Gazetteer, Kind};

/// The format rules of one geo block, as GDELT 2.0 writes it. `Err` says which rule broke.
fn check_block(b: &[&str]) -> Result<(), String> {
    assert_eq!(b.len(), 8);
    let kind: u8 = b[0].parse().map_err(|_| format!("type {:?}", b[0]))?;
    if kind == 0 {
        return if b[1..].iter().all(|f| f.is_empty()) {
            Ok(())
        } else {
            Err(format!("type 0 with values {b:?}"))
        };
    }
    if kind > 5 {
        return Err(format!("type {kind}"));
    }
    let cc = b[2];
    if cc.len() != 2 || !cc.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!("country code {cc:?}"));
    }
    // (GDELT itself once leaves a country's FullName empty: YI, old Yugoslavia.)
    if b[1].is_empty() && kind != 1 {
        return Err("empty FullName".into());
    }
    let adm1 = b[3];
    if !adm1.starts_with(cc) || !(2..=4).contains(&adm1.len()) {
        return Err(format!("ADM1 {adm1:?} for {cc}"));
    }
    for (v, limit) in [(b[5], 90.0), (b[6], 180.0)] {
        // (GDELT leaves a few placed rows without coordinates; ours always have them.)
        if v.is_empty() {
            continue;
        }
        let x: f64 = v.parse().map_err(|_| format!("coordinate {v:?}"))?;
        if x.abs() > limit {
            return Err(format!("coordinate {v} out of range"));
        }
        let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
        if decimals > 7 || (v.contains('.') && v.ends_with('0')) {
            return Err(format!("coordinate {v:?} not printed like GDELT"));
        }
    }
    let feature = b[7];
    match kind {
        1 if adm1 != cc || feature != cc => Err(format!("country block {b:?}")),
        2 if cc != "US" || feature != &adm1[2..] => Err(format!("US state block {b:?}")),
        3 if cc != "US" => Err(format!("US city outside the US {b:?}")),
        // A division without a GeoNames id of its own carries its ADM1 code (our rows only).
        5 if feature == adm1 => Ok(()),
        3..=5 if feature.parse::<i64>().is_err() => Err(format!("feature id {feature:?}")),
        _ => Ok(()),
    }
}

#[test]
fn the_rules_hold_on_the_real_gdelt_file() {
    let Some(path) = dyad_testkit::shared_file("gdelt/20191024143000.export.CSV") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut kinds = [0usize; 6];
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 61);
        for start in [35, 43, 51] {
            let block = &f[start..start + 8];
            check_block(block).unwrap_or_else(|e| panic!("real GDELT row breaks a rule: {e}"));
            kinds[block[0].parse::<usize>().unwrap()] += 1;
        }
    }
    assert!(
        kinds.iter().all(|&n| n > 0),
        "every type 0-5 seen: {kinds:?}"
    );
}

fn place(name: &str, country: &str, kind: Kind) -> dyad_types::Location {
    let gaz = Gazetteer::embedded();
    let f = gaz
        .lookup(name)
        .iter()
        .map(|&(i, _)| gaz.feature(i))
        .filter(|f| f.country == country && f.kind == kind)
        .max_by_key(|f| f.population)
        .unwrap_or_else(|| panic!("{name} ({country}) in the gazetteer"));
    feature_location(gaz, &f)
}

#[test]
fn our_geo_columns_follow_the_same_rules() {
    let gaz = Gazetteer::embedded();
    let caracas = place("Caracas", "VE", Kind::Place);
    let cols = geo_columns(Some(&caracas));
    assert_eq!(cols[0], "4");
    assert_eq!(cols[1], "Caracas, Venezuela");
    assert_eq!(cols[2], "VE");
    assert_eq!(cols[3], "VE25");
    let britain = country_location(gaz, "GBR").unwrap();
    let cols = geo_columns(Some(&britain));
    assert_eq!(
        (cols[0].as_str(), cols[2].as_str()),
        ("1", "UK"),
        "FIPS, not ISO"
    );
    let texas = place("Texas", "US", Kind::Admin1);
    let cols = geo_columns(Some(&texas));
    assert_eq!(
        (cols[0].as_str(), cols[3].as_str(), cols[7].as_str()),
        ("2", "USTX", "TX")
    );
    let paris = dyad_types::Location {
        ..place("Paris", "US", Kind::Place)
    };
    assert_eq!(geo_columns(Some(&paris))[0], "3");
    let alberta = place("Alberta", "CA", Kind::Admin1);
    let cols = geo_columns(Some(&alberta));
    assert_eq!((cols[0].as_str(), cols[3].as_str()), ("5", "CA01"));
    // A US county (GDELT has no county type; ours have no GeoNames id): its state's block,
    // never a US place (type 3) with a non-numeric feature id.
    let hall = place("Hall County", "US", Kind::Admin2);
    let cols = geo_columns(Some(&hall));
    assert_eq!((cols[0].as_str(), cols[2].as_str()), ("2", "US"));
    assert_eq!(cols[7], &cols[3][2..], "{cols:?}");
    for l in [&caracas, &britain, &texas, &paris, &alberta, &hall] {
        let cols = geo_columns(Some(l));
        let refs: Vec<&str> = cols.iter().map(String::as_str).collect();
        check_block(&refs).unwrap_or_else(|e| panic!("{e}"));
        assert!(!cols[5].is_empty() && !cols[6].is_empty(), "{cols:?}");
    }
    // No location, a place without coordinates, a region: GDELT's empty block.
    let unknown = dyad_types::Location {
        text: "Qwxzborough".into(),
        ..Default::default()
    };
    let caribbean = place("Caribbean", "", Kind::Region);
    for l in [None, Some(&unknown), Some(&caribbean)] {
        let cols = geo_columns(l);
        assert_eq!(cols[0], "0");
        assert!(cols[1..].iter().all(String::is_empty));
    }
}

#[test]
fn coordinates_print_like_gdelt() {
    assert_eq!(gdelt_coordinate(49.25), "49.25");
    assert_eq!(gdelt_coordinate(-123.1333), "-123.133");
    assert_eq!(gdelt_coordinate(3.166667), "3.16667");
    assert_eq!(gdelt_coordinate(0.3862131), "0.386213");
    assert_eq!(gdelt_coordinate(38.0), "38");
    assert_eq!(gdelt_coordinate(-0.0), "0");
}
