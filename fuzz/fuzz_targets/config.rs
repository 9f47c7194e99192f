//! Config parsing on arbitrary text: never a panic; an error always names the file; a config that
//! parses compiles its boilerplate rules or reports the bad one.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newstag::boilerplate::Boilerplate;
use newstag::config::Config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.toml");
    match Config::parse(text, path) {
        Ok(config) => {
            assert!(config.input.max_doc_bytes > 0);
            if let Err(e) = Boilerplate::new(&config.boilerplate, path) {
                assert!(e.to_string().starts_with("fuzz.toml"), "{e}");
            }
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.toml"), "{e}"),
    }
});
