//! The one translation table for every UI string, and locale-aware number formatting.
//! Each `Text` has both languages in one `match` arm, so a missing translation does not compile.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Chooses between a Vietnamese and an English version of a data string.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn t(self, text: Text) -> &'static str {
        let (vi, en) = text.pair();
        self.pick(vi, en)
    }

    /// A text written in English and perhaps translated into Vietnamese (`vi` empty if not):
    /// the one for this language where there is one, and the language it is in.
    pub fn prefer<'a>(self, en: &'a str, vi: &'a str) -> (&'a str, Lang) {
        match self {
            Lang::Vi if !vi.is_empty() => (vi, Lang::Vi),
            _ => (en, Lang::En),
        }
    }

    /// `decimals` places, with the locale's decimal separator (89,28 / 89.28).
    pub fn number(self, value: f64, decimals: usize) -> String {
        let s = format!("{value:.decimals$}");
        match self {
            Lang::Vi => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// A number as a source wrote it ("89.6"), in the locale and with as many decimals;
    /// `None` for anything that is not a plain number.
    pub fn number_as_written(self, text: &str) -> Option<String> {
        // Rewritten, not parsed: no float parsing code in the wasm for this.
        let text = text.trim();
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(whole) && all_digits(fraction)) {
            return None;
        }
        Some(match self {
            Lang::Vi => text.replace('.', ","),
            Lang::En => text.to_string(),
        })
    }

    /// An ISO date (2022-07-18) as the locale writes it: 18/7/2022 or 2022-07-18.
    pub fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        match (self, parts.as_slice()) {
            (Lang::Vi, [y, m, d]) => format!(
                "{}/{}/{y}",
                d.trim_start_matches('0'),
                m.trim_start_matches('0')
            ),
            _ => iso.to_string(),
        }
    }

    /// A translation with its placeholders `{0}`, `{1}`, … replaced by `args`, in order.
    pub fn fill(self, text: Text, args: &[&str]) -> String {
        let mut out = self.t(text).to_string();
        for (i, arg) in args.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), arg);
        }
        out
    }

    /// A signed change ("+1,25", "−0,50"); the minus sign is U+2212 for legibility.
    pub fn signed(self, value: f64, decimals: usize) -> String {
        let magnitude = self.number(value.abs(), decimals);
        // A change that rounds to zero gets no sign.
        if !magnitude.chars().any(|c| c.is_ascii_digit() && c != '0') {
            magnitude
        } else if value > 0.0 {
            format!("+{magnitude}")
        } else {
            format!("\u{2212}{magnitude}")
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Tagline,
    Index,
    Year,
    Component,
    Region,
    SeveralRegions,
    Until,
    Since,
    AllRegions,
    Search,
    SearchPlaceholder,
    Position,
    PositionHelp,
    Province,
    Value,
    OfficialRank,
    ValueChange,
    RankChange,
    NoData,
    RankOnly,
    Loading,
    LoadFailed,
    LoadFailedUrl,
    LoadFailedParse,
    Panic,
    Reload,
    Sources,
    ProvincesWithData,
    WhyMissing,
    CoverageNotes,
    MissingProvinces,
    MethodBreak,
    ComparedWith,
    NationalAverage,
    ChartTitle,
    ChartAxisFrom,
    NoMatches,
    Language,
    ExactValue,
    SourceLabel,
    MaxPoints,
    Conflict,
    ComputedRank,
    OfficialRankKind,
    Footer,
    Credits,
    Rankings,
    Improved,
    Worsened,
    Unchanged,
    SortAscending,
    SortDescending,
    ChooseProvince,
    ChooseProvinceHint,
    MergedInto,
    Borders2025,
    Borders2025Help,
    GroupOrder,
    FormedFrom,
    NotMerged,
    NoSuccessor,
    Province2025,
    Outlines2025,
    BordersGeoOnly,
    Break2025,
    FormerProvinces,
    No2025Result,
    NoRegionPeers,
    ShowTrends,
    WhereLost,
    WhereLostHelp,
    NoComponents,
    NationalMedian,
    RegionMedian,
    Best,
    PointsLost,
    GapToBest,
    RegionPeers,
    ViewProfile,
    ViewTrends,
    ViewMap,
    ViewScatter,
    ViewCompare,
    Views,
    NoValueThisYear,
    Remove,
    MethodChanges,
    ComputedRankYears,
    Show,
    Rank,
    AddProvince,
    ChosenProvinces,
    TrendsHint,
    Play,
    Pause,
    GeoMap,
    TileGrid,
    MapCredit,
    MapHint,
    HaTayNote,
    ScatterTooFew,
    LeastSquares,
    AddProvinceCompare,
    CompareHint,
    Download,
    DownloadCsv,
    ViewInside,
    Departments,
    Districts,
    Communes,
    WholeProvince,
    Metric,
    AboutOfficialRank,
    AboutComponents,
    Note,
    Derived,
    DerivedHelp,
    UnitsCount,
    BandsNote,
    ShowingFirst,
    Unit,
    UnitSearch,
    UnitSearchPlaceholder,
    UnitsMatching,
    DistrictsEnded,
    Band,
    Meetings,
    Chair,
    Reading,
    Rows,
    RowsKept,
    RowsWithErrors,
    KeptInBrowser,
    NotKept,
    RemoveData,
    RowErrors,
    Line,
    YourData,
    YourDataHelp,
    ValueKept,
    SourcesDisagree,
    SourcesLoading,
    AlsoGivenBy,
    GivesValue,
    GivesRank,
    GivesValueAndRank,
    OtherSources,
    Columns,
    BandColumns,
    UnitTypes,
    UnitTypeAliases,
    SizeLimit,
    ChooseFile,
    Template,
    InsideHelp,
    InsideLink,
    DataTable,
    PartLoading,
    PartFailed,
    DescBars,
    DescExtremes,
    DescNotDrawn,
    DescLines,
    DescLine,
    DescYearsMissing,
    DescRank,
    DescScatter,
    DescCorrelation,
    DescGrouped,
    DescHighestEach,
    DescMap,
    DescRanges,
    DescBands,
    DescTopBottom,
    ViewBrief,
    BriefHeading,
    BriefSummary,
    BriefStanding,
    BriefWhy,
    BriefScenario,
    BriefUnits,
    BriefNothing,
    BriefPrepared,
    BriefSourceLine,
    BriefReport,
    CopyText,
    Copied,
    Print,
    DownloadDocx,
    PartInChange,
    ShareChange,
    PointsAdded,
    PositionScenario,
    Block,
    AboveAverage,
    AtLeast90,
    TopUnit,
    StorageFull,
    StorageRefused,
    FileUnreadable,
    ReaderFailed,
    ViewData,
    PasteLabel,
    ReadPasted,
    PastedName,
    YourFiles,
    NoFilesYet,
    KeptPending,
    UnitsInside,
    ManageFiles,
    OwnValue,
    OwnValuesNote,
    IndexTemplate,
    UnitsFiles,
    IndexFiles,
    OptionalColumns,
    ComponentDefault,
    IndexKeysNote,
    OwnIndexNote,
    GeographyNote,
    BriefYears,
    BriefYearsChart,
    BriefPartsChart,
    BriefChangesChart,
    DescChanges,
    BriefOwnFile,
    BriefFileLine,
    BriefFileLines,
    PageNoScript,
    PageProfileOf,
    PageRankingOf,
    MergeFailed,
}

impl Text {
    pub const ALL: [Text; 232] = [
        Text::Tagline,
        Text::Index,
        Text::Year,
        Text::Component,
        Text::Region,
        Text::SeveralRegions,
        Text::Until,
        Text::Since,
        Text::AllRegions,
        Text::Search,
        Text::SearchPlaceholder,
        Text::Position,
        Text::PositionHelp,
        Text::Province,
        Text::Value,
        Text::OfficialRank,
        Text::ValueChange,
        Text::RankChange,
        Text::NoData,
        Text::RankOnly,
        Text::Loading,
        Text::LoadFailed,
        Text::LoadFailedUrl,
        Text::LoadFailedParse,
        Text::Panic,
        Text::Reload,
        Text::Sources,
        Text::ProvincesWithData,
        Text::WhyMissing,
        Text::CoverageNotes,
        Text::MissingProvinces,
        Text::MethodBreak,
        Text::ComparedWith,
        Text::NationalAverage,
        Text::ChartTitle,
        Text::ChartAxisFrom,
        Text::NoMatches,
        Text::Language,
        Text::ExactValue,
        Text::SourceLabel,
        Text::MaxPoints,
        Text::Conflict,
        Text::ComputedRank,
        Text::OfficialRankKind,
        Text::Footer,
        Text::Credits,
        Text::Rankings,
        Text::Improved,
        Text::Worsened,
        Text::Unchanged,
        Text::SortAscending,
        Text::SortDescending,
        Text::ChooseProvince,
        Text::ChooseProvinceHint,
        Text::MergedInto,
        Text::Borders2025,
        Text::Borders2025Help,
        Text::GroupOrder,
        Text::FormedFrom,
        Text::NotMerged,
        Text::NoSuccessor,
        Text::Province2025,
        Text::Outlines2025,
        Text::BordersGeoOnly,
        Text::Break2025,
        Text::FormerProvinces,
        Text::No2025Result,
        Text::NoRegionPeers,
        Text::ShowTrends,
        Text::WhereLost,
        Text::WhereLostHelp,
        Text::NoComponents,
        Text::NationalMedian,
        Text::RegionMedian,
        Text::Best,
        Text::PointsLost,
        Text::GapToBest,
        Text::RegionPeers,
        Text::ViewProfile,
        Text::ViewTrends,
        Text::ViewMap,
        Text::ViewScatter,
        Text::ViewCompare,
        Text::Views,
        Text::NoValueThisYear,
        Text::Remove,
        Text::MethodChanges,
        Text::ComputedRankYears,
        Text::Show,
        Text::Rank,
        Text::AddProvince,
        Text::ChosenProvinces,
        Text::TrendsHint,
        Text::Play,
        Text::Pause,
        Text::GeoMap,
        Text::TileGrid,
        Text::MapCredit,
        Text::MapHint,
        Text::HaTayNote,
        Text::ScatterTooFew,
        Text::LeastSquares,
        Text::AddProvinceCompare,
        Text::CompareHint,
        Text::Download,
        Text::DownloadCsv,
        Text::ViewInside,
        Text::Departments,
        Text::Districts,
        Text::Communes,
        Text::WholeProvince,
        Text::Metric,
        Text::AboutOfficialRank,
        Text::AboutComponents,
        Text::Note,
        Text::Derived,
        Text::DerivedHelp,
        Text::UnitsCount,
        Text::BandsNote,
        Text::ShowingFirst,
        Text::Unit,
        Text::UnitSearch,
        Text::UnitSearchPlaceholder,
        Text::UnitsMatching,
        Text::DistrictsEnded,
        Text::Band,
        Text::Meetings,
        Text::Chair,
        Text::Reading,
        Text::Rows,
        Text::RowsKept,
        Text::RowsWithErrors,
        Text::KeptInBrowser,
        Text::NotKept,
        Text::RemoveData,
        Text::RowErrors,
        Text::Line,
        Text::YourData,
        Text::YourDataHelp,
        Text::ValueKept,
        Text::SourcesDisagree,
        Text::SourcesLoading,
        Text::AlsoGivenBy,
        Text::GivesValue,
        Text::GivesRank,
        Text::GivesValueAndRank,
        Text::OtherSources,
        Text::Columns,
        Text::BandColumns,
        Text::UnitTypes,
        Text::UnitTypeAliases,
        Text::SizeLimit,
        Text::ChooseFile,
        Text::Template,
        Text::InsideHelp,
        Text::InsideLink,
        Text::DataTable,
        Text::PartLoading,
        Text::PartFailed,
        Text::DescBars,
        Text::DescExtremes,
        Text::DescNotDrawn,
        Text::DescLines,
        Text::DescLine,
        Text::DescYearsMissing,
        Text::DescRank,
        Text::DescScatter,
        Text::DescCorrelation,
        Text::DescGrouped,
        Text::DescHighestEach,
        Text::DescMap,
        Text::DescRanges,
        Text::DescBands,
        Text::DescTopBottom,
        Text::ViewBrief,
        Text::BriefHeading,
        Text::BriefSummary,
        Text::BriefStanding,
        Text::BriefWhy,
        Text::BriefScenario,
        Text::BriefUnits,
        Text::BriefNothing,
        Text::BriefPrepared,
        Text::BriefSourceLine,
        Text::BriefReport,
        Text::CopyText,
        Text::Copied,
        Text::Print,
        Text::DownloadDocx,
        Text::PartInChange,
        Text::ShareChange,
        Text::PointsAdded,
        Text::PositionScenario,
        Text::Block,
        Text::AboveAverage,
        Text::AtLeast90,
        Text::TopUnit,
        Text::StorageFull,
        Text::StorageRefused,
        Text::FileUnreadable,
        Text::ReaderFailed,
        Text::ViewData,
        Text::PasteLabel,
        Text::ReadPasted,
        Text::PastedName,
        Text::YourFiles,
        Text::NoFilesYet,
        Text::KeptPending,
        Text::UnitsInside,
        Text::ManageFiles,
        Text::OwnValue,
        Text::OwnValuesNote,
        Text::IndexTemplate,
        Text::UnitsFiles,
        Text::IndexFiles,
        Text::OptionalColumns,
        Text::ComponentDefault,
        Text::IndexKeysNote,
        Text::OwnIndexNote,
        Text::GeographyNote,
        Text::BriefYears,
        Text::BriefYearsChart,
        Text::BriefPartsChart,
        Text::BriefChangesChart,
        Text::DescChanges,
        Text::BriefOwnFile,
        Text::BriefFileLine,
        Text::BriefFileLines,
        Text::PageNoScript,
        Text::PageProfileOf,
        Text::PageRankingOf,
        Text::MergeFailed,
    ];

    /// (Vietnamese, English)
    pub fn pair(self) -> (&'static str, &'static str) {
        match self {
            Text::Tagline => (
                "Chỉ số quản trị và cải cách hành chính cấp tỉnh của Việt Nam",
                "Vietnam's provincial governance and administrative reform indices",
            ),
            Text::Index => ("Chỉ số", "Index"),
            Text::Year => ("Năm", "Year"),
            Text::Component => ("Thành phần", "Component"),
            Text::Region => ("Vùng", "Region"),
            Text::SeveralRegions => ("Nhiều vùng", "Several regions"),
            Text::Until => ("đến", "to"),
            Text::Since => ("từ", "since"),
            Text::AllRegions => ("Tất cả các vùng", "All regions"),
            Text::Search => ("Tìm tỉnh", "Find a province"),
            Text::SearchPlaceholder => ("vd. son la, Sơn La", "e.g. Son La, son la"),
            Text::Position => ("Vị trí", "Position"),
            Text::PositionHelp => (
                "Vị trí tính trong các tỉnh có số liệu (không phải xếp hạng chính thức)",
                "Position computed among the provinces with data (not the official rank)",
            ),
            Text::Province => ("Tỉnh, thành phố", "Province"),
            Text::Value => ("Giá trị", "Value"),
            Text::OfficialRank => ("Xếp hạng chính thức", "Official rank"),
            Text::ValueChange => ("Thay đổi giá trị", "Value change"),
            Text::RankChange => ("Thay đổi thứ hạng", "Rank change"),
            Text::NoData => ("không có số liệu", "no data"),
            Text::RankOnly => ("chỉ có thứ hạng", "rank only"),
            Text::Loading => ("Đang tải dữ liệu…", "Loading data…"),
            Text::LoadFailed => ("Không tải được dữ liệu", "The data could not be loaded"),
            Text::LoadFailedUrl => ("Không tải được địa chỉ", "Could not fetch"),
            Text::LoadFailedParse => ("Dữ liệu bị lỗi", "The data is malformed"),
            Text::Panic => ("Lỗi chương trình", "Program error"),
            Text::Reload => ("Tải lại trang", "Reload the page"),
            Text::Sources => ("Nguồn", "Sources"),
            Text::ProvincesWithData => ("tỉnh có số liệu", "provinces have data"),
            Text::WhyMissing => ("Vì sao thiếu số liệu", "Why data is missing"),
            Text::CoverageNotes => ("Ghi chú về phạm vi số liệu", "Notes on coverage"),
            Text::MissingProvinces => ("Không có số liệu", "No data"),
            Text::MethodBreak => (
                "phương pháp thay đổi, không so sánh giá trị",
                "method changed, values not comparable",
            ),
            Text::ComparedWith => ("so với", "compared with"),
            Text::NationalAverage => ("Bình quân cả nước", "National average"),
            Text::ChartTitle => ("Biểu đồ xếp hạng", "Ranking chart"),
            Text::ChartAxisFrom => ("Trục bắt đầu từ", "Axis starts at"),
            Text::NoMatches => ("Không có tỉnh nào khớp", "No province matches"),
            Text::Language => ("Ngôn ngữ", "Language"),
            Text::ExactValue => ("Giá trị gốc", "Exact value"),
            Text::SourceLabel => ("Nguồn", "Source"),
            Text::MaxPoints => ("Điểm tối đa", "Maximum points"),
            Text::Conflict => ("Nguồn khác ghi", "Another source gives"),
            Text::ComputedRank => ("tính toán", "computed"),
            Text::OfficialRankKind => ("chính thức", "official"),
            Text::Footer => (
                "Số liệu chỉ lấy từ nguồn công bố; thiếu là thiếu, không ước tính.",
                "Figures come only from published sources; missing stays missing, nothing is estimated.",
            ),
            Text::Credits => (
                "PCI: VCCI. PAPI: CECODES, VFF-CRT, RTA, UNDP. PAR INDEX, SIPAS: Bộ Nội vụ. Bản đồ: Natural Earth (phạm vi công cộng). Chứa dữ liệu từ GeoNames (CC BY 4.0).",
                "PCI: VCCI. PAPI: CECODES, VFF-CRT, RTA, UNDP. PAR INDEX, SIPAS: Ministry of Home Affairs. Map: Natural Earth (public domain). Contains data from GeoNames (CC BY 4.0).",
            ),
            Text::Rankings => ("Xếp hạng", "Rankings"),
            Text::Improved => ("tăng", "up"),
            Text::Worsened => ("giảm", "down"),
            Text::Unchanged => ("không đổi", "unchanged"),
            Text::SortAscending => ("sắp xếp tăng dần", "sorted ascending"),
            Text::SortDescending => ("sắp xếp giảm dần", "sorted descending"),
            Text::DescBars => ("Biểu đồ thanh ngang theo thứ tự xếp hạng: {0} tỉnh có số liệu.", "Horizontal bar chart in ranking order: {0} provinces with data."),
            Text::DescExtremes => ("Cao nhất: {0} ({1}); thấp nhất: {2} ({3}); trung vị: {4}.", "Highest: {0} ({1}); lowest: {2} ({3}); median: {4}."),
            Text::DescNotDrawn => ("{0} tỉnh không có số liệu không được vẽ.", "{0} provinces without data are not drawn."),
            Text::DescLines => ("Biểu đồ đường {0}–{1}; năm không có số liệu để trống, không nối.", "Line chart {0}–{1}; years without data are left as gaps, not bridged."),
            Text::DescLine => ("{0}: {1} ({2}) → {3} ({4})", "{0}: {1} ({2}) → {3} ({4})"),
            Text::DescYearsMissing => ("số năm không có số liệu: {0}", "years without data: {0}"),
            Text::DescRank => ("hạng {0}", "rank {0}"),
            Text::DescScatter => ("Biểu đồ tán xạ, mỗi chấm là một tỉnh ({0} tỉnh có cả hai số liệu); trục ngang: {1}; trục dọc: {2}.", "Scatter plot, one dot per province ({0} provinces with both values); horizontal axis: {1}; vertical axis: {2}."),
            Text::DescCorrelation => ("Hệ số tương quan Pearson r = {0}, Spearman ρ = {1}.", "Pearson correlation r = {0}, Spearman ρ = {1}."),
            Text::DescGrouped => ("Biểu đồ cột nhóm: {0} thành phần, mỗi nhóm một cột cho mỗi tỉnh trong {1} tỉnh.", "Grouped bar chart: {0} components, one bar for each of {1} provinces in every group."),
            Text::DescHighestEach => ("Cao nhất ở từng thành phần:", "Highest on each component:"),
            Text::DescMap => ("Bản đồ tô màu theo {0} nhóm có số tỉnh bằng nhau, từ tím đậm (thấp nhất) đến vàng (cao nhất); {1} tỉnh có số liệu, {2} tỉnh không có số liệu được gạch chéo.", "Map coloured in {0} classes with equal numbers of provinces, from dark purple (lowest) to yellow (highest); {1} provinces with data, {2} without data hatched."),
            Text::DescRanges => ("Mỗi thanh là một đơn vị ({0}).", "One bar per unit ({0})."),
            Text::DescBands => ("Điểm công bố dưới dạng băng được vẽ thành khoảng từ thấp đến cao.", "Scores published as bands are drawn as ranges from low to high."),
            Text::DescTopBottom => ("Từ trên xuống: {0} ({1}) … {2} ({3}).", "Top to bottom: {0} ({1}) … {2} ({3})."),
            Text::PartLoading => ("Đang tải thêm dữ liệu cho lựa chọn này…", "Loading more data for this choice…"),
            Text::PartFailed => ("Không tải được dữ liệu cho lựa chọn này; lựa chọn trước vẫn được giữ.", "The data for this choice could not be loaded; the previous selection is kept."),
            Text::DataTable => ("Bảng số liệu của biểu đồ", "The chart's data table"),
            Text::ViewInside => ("Bên trong tỉnh", "Inside a province"),
            Text::Departments => ("Sở, ban, ngành", "Departments"),
            Text::Districts => ("Huyện, thị xã, thành phố", "Districts"),
            Text::Communes => ("Xã, phường, đặc khu", "Communes, wards and special zones"),
            Text::WholeProvince => ("Toàn tỉnh", "Whole province"),
            Text::Metric => ("Chỉ tiêu", "Metric"),
            // What a disagreement between sources is about, when not the value itself.
            Text::AboutOfficialRank => ("xếp hạng chính thức", "official rank"),
            Text::AboutComponents => ("các thành phần", "components"),
            Text::Note => ("Ghi chú", "Note"),
            Text::Derived => ("suy ra", "derived"),
            Text::DerivedHelp => ("Tính từ mức thay đổi mà báo cáo nêu (vd. 95,83 \"tăng 1,25\" cho 94,58), không phải số công bố trực tiếp.", "Computed from a change the report states (e.g. 95.83 \"up 1.25\" gives 94.58), not a figure published directly."),
            Text::UnitsCount => ("đơn vị", "units"),
            Text::BandsNote => ("chỉ có khoảng điểm (vẽ thành đoạn từ thấp đến cao)", "given only as a band (drawn as a range from low to high)"),
            Text::ShowingFirst => ("hiển thị", "showing the first"),
            Text::Unit => ("Đơn vị", "Unit"),
            Text::UnitSearch => ("Tìm đơn vị", "Find a unit"),
            Text::UnitSearchPlaceholder => ("vd. phuong, Sở Nội vụ", "e.g. phuong, so noi vu"),
            Text::UnitsMatching => ("khớp với tìm kiếm", "match the search"),
            Text::DistrictsEnded => ("Cấp huyện kết thúc từ 1/7/2025: nếu đây là xã, phường, đặc khu, hãy ghi unit_type là commune.", "Districts were abolished on 1 July 2025: for communes, wards and special zones, unit_type is commune."),
            Text::Band => ("khoảng", "band"),
            Text::Meetings => ("Các cuộc họp của Ban Chỉ đạo CCHC", "The steering committee's meetings"),
            Text::Chair => ("Chủ trì", "Chaired by"),
            Text::Reading => ("Đang đọc", "Reading"),
            Text::Rows => ("dòng", "rows"),
            Text::RowsKept => ("dòng hợp lệ", "rows kept"),
            Text::RowsWithErrors => ("dòng lỗi", "rows with errors"),
            Text::KeptInBrowser => ("Dữ liệu được lưu trong trình duyệt này (không gửi đi đâu) và còn sau khi tải lại trang.", "The data is kept in this browser (it is sent nowhere) and survives a reload."),
            Text::NotKept => ("Dữ liệu quá lớn để lưu trong trình duyệt; chỉ dùng được đến khi đóng trang.", "The data is too large to keep in the browser; it lasts until the page is closed."),
            Text::RemoveData => ("Xóa dữ liệu của bạn", "Remove your data"),
            Text::RowErrors => ("Các dòng bị bỏ qua", "Rows skipped"),
            Text::Line => ("Dòng", "Line"),
            Text::YourData => ("Dữ liệu của bạn", "Your data"),
            Text::YourDataHelp => ("Chọn hoặc kéo thả tệp CSV, TSV hoặc JSON (một hay nhiều tệp), hoặc dán bảng từ bảng tính. Tệp có hai loại, nhận ra theo các cột. Tệp chỉ được đọc trong trình duyệt, không gửi đi đâu.", "Choose or drop CSV, TSV or JSON files (one or several), or paste a table from a spreadsheet. There are two kinds of file, told apart by their columns. Files are read only in your browser and sent nowhere."),
            Text::Columns => ("Cột", "Columns"),
            Text::ValueKept => ("giá trị dùng", "value used"),
            Text::SourcesDisagree => ("Nguồn không thống nhất", "Where sources disagree"),
            Text::SourcesLoading => ("Đang tải danh sách nguồn…", "Loading the list of sources…"),
            Text::AlsoGivenBy => ("Cũng có trong nguồn", "Also given by source"),
            Text::GivesValue => ("giá trị", "value"),
            Text::GivesRank => ("thứ hạng", "rank"),
            Text::GivesValueAndRank => ("giá trị và thứ hạng", "value and rank"),
            Text::OtherSources => ("Nguồn khác", "Other sources"),
            Text::BandColumns => ("tùy chọn, cho khoảng điểm", "optional, for a band"),
            Text::UnitTypes => ("Loại đơn vị", "Unit types"),
            Text::UnitTypeAliases => ("cũng nhận (có dấu hoặc không)", "also accepted (with or without diacritics)"),
            Text::SizeLimit => ("Giới hạn", "Limit"),
            Text::ChooseFile => ("Chọn tệp", "Choose a file"),
            Text::Template => ("Tải tệp mẫu (CSV)", "Download the template (CSV)"),
            Text::InsideHelp => ("Điểm của các sở, ngành và huyện (từ năm 2025: xã, phường, đặc khu) theo báo cáo của Ban Chỉ đạo CCHC tỉnh; khoảng điểm được giữ nguyên là khoảng.", "Departments' and districts' (from 2025: communes') scores as the provincial steering committee reported them; bands stay bands."),
            Text::InsideLink => ("Số liệu nội bộ của tỉnh", "The province's own data"),
            Text::Download => ("Tải về", "Download"),
            Text::DownloadCsv => ("Bảng (CSV)", "Table (CSV)"),
            Text::AddProvinceCompare => ("Thêm tỉnh (2–4 tỉnh)", "Add a province (2–4)"),
            Text::CompareHint => ("Chọn từ 2 đến 4 tỉnh để so sánh mọi thành phần của chỉ số trong một năm.", "Choose 2 to 4 provinces to compare every component of the index in one year."),
            Text::ScatterTooFew => ("Cần ít nhất 3 tỉnh có số liệu ở cả hai trục để tính tương quan. Chọn năm mà cả hai chỉ số đều có số liệu.", "At least 3 provinces with values on both axes are needed for a correlation. Choose a year in which both indices have data."),
            Text::LeastSquares => ("đường hồi quy bình phương tối thiểu", "least-squares line"),
            Text::Play => ("▶ Chạy qua các năm", "▶ Play the years"),
            Text::Pause => ("⏸ Dừng", "⏸ Pause"),
            Text::GeoMap => ("Bản đồ", "Map"),
            Text::TileGrid => ("Lưới ô (mỗi tỉnh một ô)", "Tile grid (one square per province)"),
            Text::MapCredit => ("Ranh giới: Natural Earth (phạm vi công cộng), đã đơn giản hóa; không có Hoàng Sa, Trường Sa trong dữ liệu nguồn. Chứa dữ liệu từ GeoNames (CC BY 4.0).", "Boundaries: Natural Earth (public domain), simplified; the source has no geometry for the Paracel and Spratly islands. Contains data from GeoNames (CC BY 4.0)."),
            Text::MapHint => ("Di chuột hoặc chọn (Tab) một tỉnh để xem giá trị; nhấn để mở hồ sơ tỉnh.", "Hover or focus (Tab) a province to see its value; click or press Enter to open its profile."),
            Text::HaTayNote => ("Hà Tây (tồn tại đến 2008) không có ranh giới riêng trên bản đồ; xem ở chế độ lưới ô.", "Hà Tây (until 2008) has no boundary of its own on the map; see it on the tile grid."),
            Text::Remove => ("Bỏ", "Remove"),
            Text::MethodChanges => ("Phương pháp thay đổi từ năm", "Method changed in"),
            Text::ComputedRankYears => ("Các năm không công bố thứ hạng, dùng vị trí tính trong các tỉnh có số liệu", "Years without published ranks, showing positions computed among the provinces with data"),
            Text::Show => ("Hiển thị", "Show"),
            Text::Rank => ("Thứ hạng", "Rank"),
            Text::AddProvince => ("Thêm tỉnh (tối đa 8)", "Add a province (up to 8)"),
            Text::ChosenProvinces => ("Các tỉnh đã chọn", "Chosen provinces"),
            Text::TrendsHint => ("Thêm một hoặc nhiều tỉnh để xem diễn biến qua các năm. Năm không có số liệu để trống, không nối đường.", "Add one or more provinces to see them over the years. Years without data are left as gaps, never bridged."),
            Text::NoValueThisYear => ("Tỉnh không có số liệu năm này. Năm gần nhất có số liệu:", "The province has no value this year. Latest year with data:"),
            Text::ChooseProvince => ("Chọn tỉnh", "Choose a province"),
            Text::ChooseProvinceHint => ("Gõ tên tỉnh (có hoặc không dấu) để xem hồ sơ: vị trí trên bốn chỉ số, thành phần mất điểm, các tỉnh cùng vùng.", "Type a province's name (with or without diacritics) to see its profile: its standing on the four indices, the components where it lost points, and its region's peers."),
            Text::MergedInto => ("Từ 1/7/2025 thuộc", "From 1 July 2025 part of"),
            Text::Borders2025 => ("Theo địa giới 2025", "Borders of 2025"),
            Text::Borders2025Help => ("Xếp 63 tỉnh cũ vào 34 tỉnh, thành phố từ 1/7/2025; mỗi tỉnh cũ giữ điểm và hạng của mình, không có điểm gộp nào.", "The 63 former provinces placed under the 34 provinces of 1 July 2025; each keeps its own score and rank, and no combined score is made."),
            Text::GroupOrder => ("Nhóm xếp theo mã tỉnh, thành phố năm 2025 (thứ tự chính thức, từ Bắc vào Nam); trong nhóm theo cột đang chọn.", "Groups ordered by their 2025 province codes (the official order, north to south); within a group by the chosen column."),
            Text::FormedFrom => ("hợp nhất từ {0} tỉnh cũ", "formed from {0} provinces"),
            Text::NotMerged => ("không hợp nhất", "not merged"),
            Text::NoSuccessor => ("Không thuộc tỉnh, thành phố nào của 2025", "Not part of a 2025 province"),
            Text::Province2025 => ("Tỉnh, thành phố từ 2025", "Province from 2025"),
            Text::Outlines2025 => ("Viền đậm: 34 tỉnh, thành phố từ 1/7/2025", "Thick outline: the 34 provinces of 1 July 2025"),
            Text::BordersGeoOnly => ("Địa giới 2025 chỉ vẽ trên bản đồ địa lý.", "The borders of 2025 are drawn on the geographic map only."),
            Text::Break2025 => ("1/7/2025: 34 tỉnh, thành phố thành lập từ 63 tỉnh; đường của tỉnh cũ và tỉnh mới không nối nhau", "1 July 2025: the 34 provinces formed from the 63; no line joins a former province to a new one"),
            Text::FormerProvinces => ("Các tỉnh cũ", "Former provinces"),
            Text::No2025Result => ("Chưa có kết quả từ năm 2025. Các tỉnh cũ:", "No result from 2025 yet. Former provinces:"),
            Text::NoRegionPeers => ("Tỉnh này gồm các tỉnh cũ thuộc nhiều vùng nên không có bảng các tỉnh trong vùng.", "This province spans several regions, so there is no table of its region's provinces."),
            Text::ShowTrends => ("Xem xu hướng", "Show trends"),
            Text::WhereLost => ("Mất điểm ở đâu", "Where points were lost"),
            Text::WhereLostHelp => ("Các thành phần xếp theo khoảng cách lớn nhất trước: điểm bị mất (nếu có điểm tối đa), nếu không thì khoảng cách tới tỉnh cao nhất tính theo % thang điểm.", "Components, largest gap first: points lost where the maximum is published, otherwise the gap to the best province as a share of the scale."),
            Text::NoComponents => ("Chỉ số này không có số liệu thành phần cho năm đã chọn.", "This index has no component data for the chosen year."),
            Text::NationalMedian => ("Trung vị cả nước", "National median"),
            Text::RegionMedian => ("Trung vị vùng", "Regional median"),
            Text::Best => ("Cao nhất", "Best"),
            Text::PointsLost => ("Điểm bị mất", "Points lost"),
            Text::GapToBest => ("Cách tỉnh cao nhất", "Gap to the best"),
            Text::RegionPeers => ("Các tỉnh cùng vùng", "Provinces of the same region"),
            Text::ViewProfile => ("Hồ sơ tỉnh", "Province profile"),
            Text::ViewTrends => ("Xu hướng", "Trends"),
            Text::ViewMap => ("Bản đồ", "Map"),
            Text::ViewScatter => ("Tương quan", "Scatter"),
            Text::ViewCompare => ("So sánh", "Compare"),
            Text::Views => ("Các trang", "Views"),
            Text::ViewBrief => ("Báo cáo tóm tắt", "Committee brief"),
            Text::BriefHeading => ("{0}: báo cáo tóm tắt năm {1}", "{0}: brief for {1}"),
            Text::BriefSummary => ("Tóm tắt", "Summary"),
            Text::BriefStanding => ("Kết quả", "Standing"),
            Text::BriefWhy => ("Nguyên nhân tăng, giảm điểm và thứ hạng", "Why it moved"),
            Text::BriefScenario => ("Thêm một điểm ở đâu có tác dụng nhất (giả định, không phải dự báo)", "Where one more point counts most (a scenario, not a forecast)"),
            Text::BriefUnits => ("Các cơ quan, đơn vị của tỉnh", "The province's own units"),
            Text::BriefNothing => ("Không có số liệu cho phần này năm nay.", "No figures for this section this year."),
            Text::BriefPrepared => ("Lập ngày", "Prepared on"),
            Text::BriefSourceLine => ("Số liệu: chiso, từ các nguồn đã công bố ghi ở cuối văn bản", "Data: chiso, from the published sources listed at the end"),
            Text::BriefReport => ("Báo cáo", "Report"),
            Text::CopyText => ("Sao chép các câu", "Copy the sentences"),
            Text::Copied => ("Đã sao chép", "Copied"),
            Text::Print => ("In", "Print"),
            Text::DownloadDocx => ("Tải về .docx", "Download .docx"),
            Text::PartInChange => ("Phần trong thay đổi của tổng điểm", "Part in the change of the total"),
            Text::ShareChange => ("Thay đổi tỷ lệ so với điểm tối đa (điểm %)", "Change in share of the maximum (percentage points)"),
            Text::PointsAdded => ("Điểm thêm", "Points added"),
            Text::PositionScenario => ("Vị trí theo giả định", "Position in the scenario"),
            Text::Block => ("Khối", "Block"),
            Text::AboveAverage => ("Đơn vị trên mức trung bình", "Units above the average"),
            Text::AtLeast90 => ("Đơn vị đạt từ 90 trở lên", "Units at 90 or more"),
            Text::TopUnit => ("Đơn vị đứng đầu", "Top unit"),
            Text::StorageFull => ("Bộ nhớ của trình duyệt dành cho trang này đã đầy: tệp này chỉ dùng được đến khi đóng trang; các tệp đã lưu trước đó vẫn còn.", "The browser's storage for this site is full: this file lasts until the page is closed; the files kept before are still kept."),
            Text::StorageRefused => ("Trình duyệt không cho lưu tệp, nên tệp chỉ dùng được đến khi đóng trang", "The browser does not let the file be kept, so it lasts until the page is closed"),
            Text::FileUnreadable => ("Không đọc được tệp", "The file could not be read"),
            Text::ReaderFailed => ("Không khởi động được bộ đọc tệp", "The file reader could not start"),
            Text::ViewData => ("Dữ liệu của bạn", "Your data"),
            Text::PasteLabel => ("Hoặc dán bảng từ bảng tính (Excel, Google Sheets), kể cả dòng tiêu đề", "Or paste a table from a spreadsheet (Excel, Google Sheets), header row included"),
            Text::ReadPasted => ("Đọc bảng đã dán", "Read the pasted table"),
            Text::PastedName => ("bang-da-dan", "pasted-table"),
            Text::YourFiles => ("Các tệp của bạn", "Your files"),
            Text::NoFilesYet => ("Chưa có tệp nào.", "No files yet."),
            Text::KeptPending => ("Đang lưu vào trình duyệt…", "Being kept in the browser…"),
            Text::UnitsInside => ("Xem điểm các đơn vị trong trang Trong tỉnh", "See the units' scores in the Inside view"),
            Text::ManageFiles => ("Chọn, dán hoặc xóa tệp trong trang Dữ liệu của bạn", "Choose, paste or remove files in the Your data view"),
            Text::OwnValue => ("Giá trị từ tệp của bạn", "Value from your file"),
            Text::OwnValuesNote => ("giá trị lấy từ tệp của bạn (đánh dấu ✎)", "values from your files (marked ✎)"),
            Text::IndexTemplate => ("Tải tệp mẫu bảng chỉ số (CSV)", "Download the index table template (CSV)"),
            Text::UnitsFiles => ("Điểm các đơn vị của tỉnh (sở, huyện, xã)", "Scores of a province's own units (departments, districts, communes)"),
            Text::IndexFiles => ("Bảng chỉ số theo tỉnh (như phụ lục chính thức)", "Province index tables (as in an official annex)"),
            Text::OptionalColumns => ("tùy chọn", "optional"),
            Text::ComponentDefault => ("(component để trống là total, chỉ số tổng hợp)", "(an empty component means total, the overall index)"),
            Text::IndexKeysNote => ("Cột index: một chỉ số có sẵn hoặc mã chỉ số của riêng bạn", "The index column: a bundled index or a key of your own index"),
            Text::OwnIndexNote => ("Chỉ số của riêng bạn: điền các cột sau ở dòng đầu tiên của chỉ số đó", "An index of your own: fill these columns on its first row"),
            Text::GeographyNote => ("Năm đến 2024 dùng 63 tỉnh, từ 2025 dùng 34 tỉnh, thành phố mới; tên tỉnh viết có dấu hay không dấu, viết tắt (TP.HCM, TT-Huế) đều được. Hai dòng trong tệp mẫu là ví dụ lấy từ dữ liệu có sẵn, kèm nguồn.", "Years to 2024 use the 63 provinces, from 2025 the 34 new ones; province names with or without diacritics, or abbreviated (TP.HCM, TT-Hue), are understood. The template's two rows are examples from the bundled data, with their sources."),
            Text::BriefYears => ("Qua các năm", "Over the years"),
            Text::BriefYearsChart => ("{0} của {1} qua các năm", "{0}: {1} over the years"),
            Text::BriefPartsChart => ("{0}: phần của từng chỉ số thành phần trong thay đổi của tổng điểm, {1} → {2}", "{0}: each component's part in the change of the total, {1} → {2}"),
            Text::BriefChangesChart => ("{0}: thay đổi của từng chỉ số thành phần, {1} → {2}", "{0}: the change of each component, {1} → {2}"),
            Text::DescChanges => ("Biểu đồ thanh ngang: {0} chỉ số thành phần; thanh sang phải là tăng điểm, sang trái là giảm điểm.", "Horizontal bar chart: {0} components; a bar to the right is a gain, to the left a loss."),
            Text::BriefOwnFile => ("Tệp của bạn: {0}", "Your file: {0}"),
            Text::BriefFileLine => ("Tệp của bạn: {0}, dòng {1}", "Your file: {0}, line {1}"),
            Text::BriefFileLines => ("Tệp của bạn: {0}, các dòng {1}", "Your file: {0}, lines {1}"),
            Text::PageNoScript => ("Trang này cho thấy {0} như đã dựng sẵn; các phần tương tác (chọn chỉ số, năm, tìm kiếm, các trang khác) cần JavaScript và WebAssembly.", "This page shows {0} as built; the interactive parts (choosing an index or year, search, the other views) need JavaScript and WebAssembly."),
            Text::PageProfileOf => ("hồ sơ của {0}", "the profile of {0}"),
            Text::PageRankingOf => ("bảng xếp hạng {0} mới nhất", "the latest {0} ranking"),
            Text::MergeFailed => ("Không gộp được bảng chỉ số của bạn vào dữ liệu", "Your index tables could not be merged into the data"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for text in Text::ALL {
            let (vi, en) = text.pair();
            assert!(!vi.trim().is_empty(), "{text:?} has no Vietnamese");
            assert!(!en.trim().is_empty(), "{text:?} has no English");
        }
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        let placeholders = |s: &str| {
            (0..10)
                .filter(|i| s.contains(&format!("{{{i}}}")))
                .collect::<Vec<_>>()
        };
        for text in Text::ALL {
            let (vi, en) = text.pair();
            assert_eq!(placeholders(vi), placeholders(en), "{text:?}");
        }
        assert_eq!(
            Lang::En.fill(Text::DescNotDrawn, &["3"]),
            "3 provinces without data are not drawn."
        );
    }

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(Lang::Vi.number(89.283, 2), "89,28");
        assert_eq!(Lang::En.number(89.283, 2), "89.28");
        assert_eq!(Lang::Vi.signed(1.25, 2), "+1,25");
        assert_eq!(Lang::En.signed(-0.5, 2), "\u{2212}0.50");
        assert_eq!(Lang::En.signed(-0.001, 2), "0.00");
        assert_eq!(Lang::En.signed(0.004, 2), "0.00");
        assert_eq!(Lang::Vi.date("2022-07-18"), "18/7/2022");
        assert_eq!(Lang::En.date("2022-07-18"), "2022-07-18");
    }

    #[test]
    fn numbers_as_written_keep_their_decimals_and_words_stay_words() {
        assert_eq!(Lang::Vi.number_as_written("89.6").as_deref(), Some("89,6"));
        assert_eq!(
            Lang::En.number_as_written("91.81").as_deref(),
            Some("91.81")
        );
        assert_eq!(Lang::Vi.number_as_written("7").as_deref(), Some("7"));
        for words in ["(withheld)", "inf", "NaN", "", "3 (Ministry)"] {
            assert_eq!(Lang::En.number_as_written(words), None, "{words}");
        }
    }

    #[test]
    fn a_translation_is_preferred_in_its_language_and_english_is_the_fallback() {
        assert_eq!(Lang::Vi.prefer("band", "khoảng"), ("khoảng", Lang::Vi));
        assert_eq!(Lang::En.prefer("band", "khoảng"), ("band", Lang::En));
        assert_eq!(Lang::Vi.prefer("band", ""), ("band", Lang::En));
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
