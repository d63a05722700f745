//! The interface's words in Korean, and the key map's help texts in Korean.

use super::{Contexts, Hints, Kinds, MatrixWords, SearchCopyWords, Strings};
use crate::corpus::Facet;
use crate::corpus::load::LoadStep;
use crate::facts::{Field, Heading};

pub static STRINGS: Strings = Strings {
    code: "ko",
    untitled_corpus: "자료",
    timeline: "타임라인",
    detail: "상세",
    tab_names: ["개요", "원문", "관련"],
    status_markers: [
        "◦ 예고",
        "· 언급",
        "◦ 예정",
        "× 변경됨",
        "· 예정대로 개최",
        "◦ 개최 보고 없음",
    ],
    tab_switches: "Tab: 창 전환",
    undated: "날짜 미상",
    empty_corpus: "이 자료에는 회의나 행사가 없습니다.",
    nothing_matches: "필터에 맞는 항목이 없습니다. Esc로 해제합니다.",
    no_text: "이 항목에는 기록된 원문이 없습니다.",
    no_related: "주제, 기관 또는 인물을 이 회의와 공유하는 다른 회의가 없습니다.",
    related_heading: "주제, 기관 또는 인물을 공유하는 회의",
    shares: "공유",
    help_title: "단축키",
    help_footer: "Esc 또는 ? 닫기 · j/k 스크롤",
    finder_title: "찾기",
    finder_no_results: "일치하는 항목이 없습니다.",
    finder_searching: "찾는 중…",
    finder_indexing: "색인 중…",
    finder_recent: "최근",
    preview_title: "나오는 곳",
    preview_nothing: "연결된 회의나 행사가 없습니다.",
    all_kinds: "전체",
    status_nothing_to_copy: "여기에는 복사할 내용이 없습니다",
    status_exported: "브리핑 노트 저장:",
    status_export_failed: "브리핑 노트를 저장할 수 없습니다",
    status_nothing_to_export: "브리핑 노트를 내보내려면 회의를 선택하세요",
    status_filter_cleared: "필터를 해제했습니다",
    status_search_cleared: "검색을 해제했습니다",
    status_no_filter: "해제할 필터가 없습니다",
    status_one_account: "이 항목의 기록은 하나뿐입니다",
    status_no_matches: "일치 없음",
    status_no_search: "검색 없음: /로 시작합니다",
    status_no_citation: "이 줄에는 인용이 없습니다",
    status_not_in_text: "인용된 출처가 이 자료에 없습니다",
    account: "기록",
    cited_source: "인용 출처",
    citations: "그 밖의 인용",
    source_notes: "이 출처에 관한 메모",
    text_keys_two: "a 다른 기록 · c 비교 · / 검색",
    text_keys_sources: "a 다음 인용 출처 · / 검색",
    compare_keys: "c 비교 끝내기 · a 좌우 바꾸기",
    filter_year: "연도",
    filter_series: "회의체",
    label_names: "명칭",
    hint: Hints {
        quit: "종료",
        help: "도움말",
        find: "찾기",
        pane: "창",
        search: "검색",
        open: "열기",
        clear: "해제",
        copy: "복사",
        account: "기록",
        compare: "비교",
        pick: "선택",
        close: "닫기",
        kind: "종류",
        next: "다음",
        previous: "이전",
        keep: "유지",
        cancel: "취소",
        scroll: "스크롤",
        more: "도움말 더 보기",
    },
    across: SearchCopyWords {
        title: "모든 원문 검색",
        prompt_help: "단어나 \"따옴표 구절\"을 입력하세요. Enter로 문단을 열고 n/N으로 이동합니다.",
        no_hits: "일치하는 문단이 없습니다.",
        hits,
        hit_status,
        copied,
        to_osc52: "클립보드 (OSC 52)",
        to_tmux: "tmux 버퍼와 클립보드",
        to_file: "파일",
        copy_failed: "복사 실패",
    },
    context: Contexts {
        browse: "탐색",
        detail: "상세 (탭, 기록, 검색, 복사)",
        finder: "찾기 (f 또는 Ctrl-P)",
        search: "검색 입력 (/)",
        help: "도움말 (?)",
        corpus_search: "모든 원문 검색 (타임라인에서 /)",
        matrix: "주제 매트릭스 (m)",
    },
    matrix: MatrixWords {
        title: "주제 매트릭스",
        topics: "주제",
        not_recorded: "이 회의에는 기록 없음",
        empty: "시간순 목록의 어느 회의에도 주제 기록이 없습니다.",
        via: "하위 주제",
        both: |eu, rok| format!("{eu}·{rok} 모두"),
        only: |side| format!("{side}만"),
        other: "기타 출처",
        open: "열기",
        close: "닫기",
        hint: "매트릭스",
    },
    kind: Kinds {
        topic: "주제",
        org: "기관",
        person: "인물",
        meeting: "회의",
        place: "장소",
        topics: "# 주제",
        orgs: "@ 기관",
        people: "~ 인물",
        meetings: ": 회의",
        places: "% 장소",
    },
    facet,
    heading,
    field,
    too_small,
    match_status,
    matches_elsewhere,
    counts,
    showing_account,
    compare_summary,
    only_in,
    status_history_start: "이전 위치 없음 (이동한 뒤 Backspace로 돌아가기)",
    status_history_end: "다음 위치 없음",
    more_below: "아래에 더 있음",
    loading_keys: "q 중지",
    loading,
    loading_step,
    loading_amount,
};

fn facet(f: Facet) -> &'static str {
    match f {
        Facet::Topic => "주제",
        Facet::Organisation => "기관",
        Facet::Person => "인물",
        Facet::Place => "장소",
    }
}

fn heading(h: Heading) -> &'static str {
    match h {
        Heading::Key => "주요 사항",
        Heading::Participants => "참석자",
        Heading::Organisations => "기관",
        Heading::Observers => "참관",
        Heading::CoLocated => "함께 열린 회의",
        Heading::Topics => "의제",
        Heading::Outcomes => "성과",
        Heading::NextMeeting => "다음 회의",
        Heading::Notes => "비고",
        Heading::Accounts => "기록",
        Heading::Description => "설명",
    }
}

fn field(f: Field) -> Option<&'static str> {
    // The same fields as English labels: a list item has no label in either language.
    Field::label(f)?;
    Some(match f {
        Field::Date => "날짜",
        Field::Place => "장소",
        Field::Format => "형식",
        Field::Series => "회의체",
        Field::Name => "명칭",
        Field::Kind => "종류",
        _ => return None,
    })
}

fn too_small(need_w: u16, need_h: u16, w: u16, h: u16) -> String {
    format!("터미널이 너무 작습니다: 최소 {need_w}x{need_h} 필요, 현재 {w}x{h}")
}

fn match_status(current: usize, total: usize) -> String {
    format!("{total}개 중 {current}번째 일치")
}

fn matches_elsewhere(total: usize) -> String {
    format!("다른 기록에 {total}개 (n으로 이동)")
}

fn counts(shown: usize, total: usize) -> String {
    format!("{total}개 중 {shown}개")
}

fn showing_account(label: &str) -> String {
    format!("{label} 표시 중")
}

fn compare_summary(left: &str, left_only: usize, right: &str, right_only: usize) -> String {
    format!("{left}에만 있는 부분 {left_only}개, {right}에만 있는 부분 {right_only}개 · «…» 구절")
}

fn hits(shown: usize, capped: bool) -> String {
    if capped {
        format!("{shown}건 이상")
    } else {
        format!("{shown}건")
    }
}

fn hit_status(position: usize, listed: usize, query: &str) -> String {
    format!("“{query}” {listed}건 중 {position}번째 · n/N 다음/이전")
}

fn copied(destination: &str, preview: &str) -> String {
    format!("{destination}에 복사했습니다: “{preview}”")
}

fn only_in(side: &str) -> String {
    format!("{side}에만")
}

/// The key map's help texts: (English as in the key map, Korean).
pub const KEY_HELP: &[(&str, &str)] = &[
    ("Overview tab", "개요 탭"),
    ("Related tab", "관련 탭"),
    ("Text tab", "원문 탭"),
    ("bottom", "맨 아래"),
    ("cancel the search", "검색 취소"),
    ("clear", "지우기"),
    ("clear the query", "검색어 지우기"),
    (
        "clear the search, else the filter",
        "검색 해제, 검색이 없으면 필터 해제",
    ),
    ("close", "닫기"),
    ("close help", "도움말 닫기"),
    ("compare the two accounts", "두 기록 비교"),
    (
        "copy the fact or paragraph with its citation",
        "사실이나 문단을 인용과 함께 복사",
    ),
    ("cursor left", "커서 왼쪽"),
    ("cursor right", "커서 오른쪽"),
    ("delete a word", "단어 지우기"),
    ("delete back", "앞 글자 지우기"),
    ("delete forward", "뒤 글자 지우기"),
    ("end of the line", "줄 끝으로"),
    ("end of the query", "검색어 끝으로"),
    (
        "filter the timeline by the pick",
        "선택한 항목으로 타임라인 필터",
    ),
    (
        "find a topic, organisation, person, meeting or place",
        "주제, 기관, 인물, 회의, 장소 찾기",
    ),
    ("first line", "첫 줄"),
    ("focus the detail", "상세 창으로"),
    ("focus the timeline", "타임라인 창으로"),
    ("keep the search (n/N to move)", "검색 유지 (n/N으로 이동)"),
    ("last line", "마지막 줄"),
    ("next kind (all, # @ ~ : %)", "다음 종류 (전체, # @ ~ : %)"),
    ("next line", "다음 줄"),
    ("next match", "다음 일치"),
    ("next result", "다음 결과"),
    ("next tab", "다음 탭"),
    (
        "open: entry, cited paragraph, related meeting",
        "열기: 항목, 인용된 문단, 관련 회의",
    ),
    (
        "other account (meetings reported twice)",
        "다른 기록 (양측이 각각 보고한 회의)",
    ),
    ("page down", "다음 페이지"),
    ("page up", "이전 페이지"),
    ("previous kind", "이전 종류"),
    ("previous line", "이전 줄"),
    ("previous match", "이전 일치"),
    ("previous result", "이전 결과"),
    ("previous tab", "이전 탭"),
    ("quit", "종료"),
    ("scroll down", "아래로 스크롤"),
    ("scroll up", "위로 스크롤"),
    (
        "search all texts (timeline) or this text (detail)",
        "모든 원문 검색 (타임라인) 또는 이 원문 검색 (상세)",
    ),
    (
        "next match, or next hit across texts",
        "다음 일치, 또는 모든 원문 검색의 다음 결과",
    ),
    (
        "previous match, or previous hit across texts",
        "이전 일치, 또는 모든 원문 검색의 이전 결과",
    ),
    (
        "write that copy to a new file (no clipboard)",
        "복사할 내용을 새 파일로 저장 (클립보드가 없을 때)",
    ),
    (
        "open the paragraph (n/N walk the hits)",
        "문단 열기 (n/N으로 결과 이동)",
    ),
    ("close the search", "검색 닫기"),
    ("next hit", "다음 결과"),
    ("previous hit", "이전 결과"),
    (
        "type words or a \"quoted phrase\"",
        "단어나 \"따옴표 구절\" 입력",
    ),
    ("start of the line", "줄 처음으로"),
    ("start of the query", "검색어 처음으로"),
    ("suspend to the shell", "셸로 일시 중단"),
    (
        "suspend to the shell (fg resumes)",
        "셸로 일시 중단 (fg로 재개)",
    ),
    ("switch pane", "창 전환"),
    ("this help", "이 도움말"),
    ("top", "맨 위"),
    (
        "type the query; # @ ~ : % narrow the kind",
        "검색어 입력; # @ ~ : %로 종류 좁히기",
    ),
    (
        "type; matches show as you type",
        "입력하는 대로 일치 항목 표시",
    ),
    (
        "write a briefing note to a new ./entente-ID.md",
        "새 ./entente-ID.md에 브리핑 노트 저장",
    ),
    // Navigation: history and half pages.
    (
        "back to where the last jump left",
        "마지막 이동 전 위치로 돌아가기",
    ),
    (
        "forward again (Ctrl-I only where told apart from Tab)",
        "다시 앞으로 (Ctrl-I는 터미널이 Tab과 구별할 때만)",
    ),
    ("half a page down", "반 페이지 아래로"),
    ("half a page up", "반 페이지 위로"),
    // Topic matrix.
    (
        "topic matrix: which topics each meeting discussed",
        "주제 매트릭스: 회의별로 논의된 주제",
    ),
    ("next topic", "다음 주제"),
    ("previous topic", "이전 주제"),
    ("next meeting", "다음 회의"),
    ("previous meeting", "이전 회의"),
    ("first topic", "첫 주제"),
    ("last topic", "마지막 주제"),
    (
        "open the meeting at the cited paragraph",
        "인용된 문단에서 회의 열기",
    ),
    ("close the matrix", "매트릭스 닫기"),
];

fn loading(path: &str) -> String {
    format!("{path} 불러오는 중")
}

fn loading_step(step: LoadStep) -> String {
    match step {
        LoadStep::Listing => "파일 목록 읽는 중".to_string(),
        LoadStep::Reading { n, of } => format!("파일 {of}개 중 {n}번째 읽는 중"),
        LoadStep::Checking => "기록 검사·색인 중".to_string(),
    }
}

fn loading_amount(read_mib: f64, total_mib: f64, records: usize, seconds: f64) -> String {
    format!("{total_mib:.1} MiB 중 {read_mib:.1} MiB 읽음, 기록 {records}개 분석 ({seconds:.1}초)")
}
