//! Opening failures give one clear line naming the database file.

#![allow(clippy::print_stderr)]

mod common;

use std::time::Duration;

use dyad_store::{Error, SqliteOptions, SqliteStore, Store};
use rusqlite::Connection;

fn quick() -> SqliteOptions {
    SqliteOptions {
        busy_timeout: Duration::from_millis(100),
        ..SqliteOptions::default()
    }
}

#[test]
fn locked_by_a_writer_while_storing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let mut store = SqliteStore::open_with(&path, &quick()).unwrap();

    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN EXCLUSIVE; DELETE FROM documents;")
        .unwrap();
    let error = store.put_batch(&common::corpus()).unwrap_err();
    assert!(matches!(error, Error::Locked { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!("database {} is locked by another process", path.display())
    );
    // Readers are not blocked in WAL mode.
    assert_eq!(store.stats().unwrap().documents, 0);

    other.execute_batch("COMMIT").unwrap();
    assert_eq!(
        store.put_batch(&common::corpus()).unwrap().documents_added,
        3
    );
}

#[test]
fn locked_while_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    drop(SqliteStore::open(&path).unwrap());

    // An exclusive-locking-mode connection that has written keeps every other out.
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
        .unwrap();
    other.execute("DELETE FROM documents", []).unwrap();
    let error = SqliteStore::open_with(&path, &quick()).unwrap_err();
    assert!(matches!(error, Error::Locked { .. }), "{error:?}");
    assert!(error.to_string().contains(&path.display().to_string()));
}

#[test]
fn garbage_file_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.db");
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, garbage).unwrap();
    let error = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(error, Error::NotADatabase { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!("{} is not a dyad database or is corrupt", path.display())
    );
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    let error = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(error, Error::NotADatabase { .. }), "{error:?}");
}

#[test]
fn newer_schema_names_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(SqliteStore::open(&path).unwrap());
    let newer = dyad_store::SCHEMA_VERSION + 7;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    let error = SqliteStore::open(&path).unwrap_err();
    assert!(
        matches!(error, Error::NewerSchema { found, supported, .. }
            if found == newer && supported == dyad_store::SCHEMA_VERSION),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains(&newer.to_string()), "{message}");
    assert!(
        message.contains(&dyad_store::SCHEMA_VERSION.to_string()),
        "{message}"
    );
}

#[test]
fn directory_that_is_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "not a directory").unwrap();
    let path = file.join("events.db");
    let error = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(error, Error::CannotCreate { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!(
            "cannot create database at {}: {} is not a directory",
            path.display(),
            file.display()
        )
    );
}

#[test]
fn missing_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no").join("such").join("events.db");
    let error = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(error, Error::CannotCreate { .. }), "{error:?}");
    assert!(error.to_string().ends_with("does not exist"), "{error}");
}

#[cfg(unix)]
#[test]
fn unwritable_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("read-only");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(locked.join("probe"), "").is_ok() {
        // Running as root: permissions do not apply, nothing to test.
        eprintln!("skipped: this user can write to a read-only directory");
        return;
    }
    let path = locked.join("events.db");
    let error = SqliteStore::open(&path).unwrap_err();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "cannot create database at {}: permission denied",
            path.display()
        )
    );
}

#[test]
fn missing_file_when_creation_is_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let options = SqliteOptions {
        create: false,
        ..SqliteOptions::default()
    };
    let error = SqliteStore::open_with(&path, &options).unwrap_err();
    assert!(matches!(error, Error::Missing { .. }), "{error:?}");
    assert!(!path.exists());
    drop(SqliteStore::open(&path).unwrap());
    assert!(SqliteStore::open_with(&path, &options).is_ok());
}

#[cfg(unix)]
#[test]
fn database_in_a_read_only_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("read-only");
    std::fs::create_dir(&locked).unwrap();
    let path = locked.join("events.db");
    drop(SqliteStore::open(&path).unwrap());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(locked.join("probe"), "").is_ok() {
        eprintln!("skipped: this user can write to a read-only directory");
        return;
    }
    let result = SqliteStore::open(&path).and_then(|mut store| store.put_batch(&common::corpus()));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let error = result.unwrap_err();
    assert!(matches!(error, Error::ReadOnly { .. }), "{error:?}");
    assert!(error
        .to_string()
        .starts_with(&format!("cannot write database {}: ", path.display())));
}
