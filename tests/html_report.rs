//! The HTML report, rendered by headless Chromium through ChromeDriver: the
//! text a reader sees must show every finding, its sentences and values.
//! .ci/run installs Debian's chromium and chromium-driver; where they are
//! missing outside CI, build.rs marks the browser test ignored, so the
//! test summary says so (and why); under CI=1 it runs and fails without them.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use claimcheck::report;
use serde_json::{json, Value as Json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

#[test]
fn html_report_snapshot() {
    let html = common::check_as(&["tests/fixtures/budget"], report::html::render);
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external assets"
    );
    assert!(!html.contains("<script"), "no scripts");
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("check_budget_html", html);
    });
}

#[test]
#[cfg_attr(
    no_browser,
    ignore = "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver); runs under CI=1"
)]
fn chromium_renders_every_finding() {
    assert!(
        std::path::Path::new(CHROMEDRIVER).exists() && std::path::Path::new(CHROMIUM).exists(),
        "{CHROMIUM} and {CHROMEDRIVER} are needed: .ci/run installs them"
    );
    let html = common::check_as(&["tests/fixtures/budget"], report::html::render);
    let report: Json =
        serde_json::from_str(&common::check_json(&["tests/fixtures/budget"])).unwrap();
    let dir = std::env::temp_dir().join(format!("claimcheck-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    std::fs::write(&page, &html).unwrap();

    let driver = Driver::start(9515 + (std::process::id() % 400) as u16);
    let text = driver.rendered_text(&format!("file://{}", page.display()), &dir);
    assert!(text.contains("claimcheck report"), "{text}");
    assert!(
        text.contains("6 documents checked: 5 errors, 1 warning, 3 info."),
        "{text}"
    );
    for f in report["findings"].as_array().unwrap() {
        let message = f["message"].as_str().unwrap();
        assert!(
            text.contains(message),
            "finding not shown: {message}\n{text}"
        );
        for e in f["evidence"].as_array().unwrap() {
            let place = format!(
                "{}:{}:{}",
                e["path"].as_str().unwrap(),
                e["line"],
                e["column"]
            );
            assert!(text.contains(&place), "evidence not shown: {place}");
            assert!(text.contains(e["value"].as_str().unwrap()));
        }
    }
    // Grouped by subject: each subject is a heading.
    for subject in [
        "Riverton City Council",
        "Harbour Access Agreement",
        "Slovenia",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == subject),
            "no heading {subject}"
        );
    }
}

/// ChromeDriver on a local port, spoken to over plain HTTP.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(port: u16) -> Driver {
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if driver
                .call("GET", "/status", None)
                .is_some_and(|s| s["value"]["ready"] == true)
            {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not become ready on port {port}");
    }

    fn rendered_text(&self, url: &str, profile: &std::path::Path) -> String {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run",
                         format!("--user-data-dir={}", profile.join("profile").display())],
            },
        }}});
        let session = self
            .call("POST", "/session", Some(caps))
            .expect("a session");
        let id = session["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {session}"))
            .to_string();
        self.call(
            "POST",
            &format!("/session/{id}/url"),
            Some(json!({"url": url})),
        )
        .expect("navigates");
        let text = self
            .call(
                "POST",
                &format!("/session/{id}/execute/sync"),
                Some(json!({"script": "return document.body.innerText;", "args": []})),
            )
            .expect("runs a script");
        self.call("DELETE", &format!("/session/{id}"), None);
        text["value"].as_str().unwrap_or_default().to_string()
    }

    fn call(&self, method: &str, path: &str, body: Option<Json>) -> Option<Json> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .ok()?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).ok()?;
        // ChromeDriver keeps the connection open: read the headers, then
        // exactly Content-Length bytes.
        let mut raw = Vec::new();
        let mut byte = [0u8; 1];
        while !raw.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).ok()?;
            raw.push(byte[0]);
        }
        let headers = String::from_utf8_lossy(&raw).to_ascii_lowercase();
        let length: usize = headers
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))?
            .trim()
            .parse()
            .ok()?;
        let mut payload = vec![0u8; length];
        stream.read_exact(&mut payload).ok()?;
        serde_json::from_slice(&payload).ok()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
