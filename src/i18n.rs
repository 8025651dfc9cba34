//! Every UI string in both languages, and locale-aware number formatting. Each `Text` is a
//! constant holding both languages, checked as it is built (both present, the same
//! placeholders), so a missing translation does not compile, and a build links only the texts
//! its code uses.

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

    /// How to cite chiso's data: its version, the site's address (`None` in the app's footer,
    /// which is at that address) and the figures' publishers.
    pub fn citation(self, site: Option<&str>) -> String {
        let at = site.map(|s| format!(", {s}")).unwrap_or_default();
        self.fill(Text::Citation, &[env!("CARGO_PKG_VERSION"), &at])
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

/// A UI string in both languages. Each is a constant of its own (`Text::Tagline`), not a
/// variant of one table, so a build links only the strings its code uses: the small app does
/// not carry the importer's or the brief's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    vi: &'static str,
    en: &'static str,
}

#[allow(non_upper_case_globals)]
impl Text {
    pub const Tagline: Text = Text::new(
        "Chỉ số quản trị và cải cách hành chính cấp tỉnh của Việt Nam",
        "Vietnam's provincial governance and administrative reform indices",
    );
    pub const Index: Text = Text::new("Chỉ số", "Index");
    pub const Year: Text = Text::new("Năm", "Year");
    pub const Component: Text = Text::new("Thành phần", "Component");
    pub const Region: Text = Text::new("Vùng", "Region");
    pub const SeveralRegions: Text = Text::new("Nhiều vùng", "Several regions");
    pub const Until: Text = Text::new("đến", "to");
    pub const Since: Text = Text::new("từ", "since");
    pub const AllRegions: Text = Text::new("Tất cả các vùng", "All regions");
    pub const Search: Text = Text::new("Tìm tỉnh", "Find a province");
    pub const SearchPlaceholder: Text = Text::new("vd. son la, Sơn La", "e.g. Son La, son la");
    pub const Position: Text = Text::new("Vị trí", "Position");
    pub const PositionHelp: Text = Text::new(
        "Vị trí tính trong các tỉnh có số liệu (không phải xếp hạng chính thức)",
        "Position computed among the provinces with data (not the official rank)",
    );
    pub const Province: Text = Text::new("Tỉnh, thành phố", "Province");
    pub const Value: Text = Text::new("Giá trị", "Value");
    pub const OfficialRank: Text = Text::new("Xếp hạng chính thức", "Official rank");
    pub const ValueChange: Text = Text::new("Thay đổi giá trị", "Value change");
    pub const RankChange: Text = Text::new("Thay đổi thứ hạng", "Rank change");
    pub const NoData: Text = Text::new("không có số liệu", "no data");
    pub const RankOnly: Text = Text::new("chỉ có thứ hạng", "rank only");
    pub const Loading: Text = Text::new("Đang tải dữ liệu…", "Loading data…");
    pub const LoadFailed: Text =
        Text::new("Không tải được dữ liệu", "The data could not be loaded");
    pub const LoadFailedUrl: Text = Text::new("Không tải được địa chỉ", "Could not fetch");
    pub const LoadFailedParse: Text = Text::new("Dữ liệu bị lỗi", "The data is malformed");
    pub const Panic: Text = Text::new("Lỗi chương trình", "Program error");
    pub const Reload: Text = Text::new("Tải lại trang", "Reload the page");
    pub const Sources: Text = Text::new("Nguồn", "Sources");
    pub const ProvincesWithData: Text = Text::new("tỉnh có số liệu", "provinces have data");
    pub const WhyMissing: Text = Text::new("Vì sao thiếu số liệu", "Why data is missing");
    pub const CoverageNotes: Text = Text::new("Ghi chú về phạm vi số liệu", "Notes on coverage");
    pub const MissingProvinces: Text = Text::new("Không có số liệu", "No data");
    pub const MethodBreak: Text = Text::new(
        "phương pháp thay đổi, không so sánh giá trị",
        "method changed, values not comparable",
    );
    pub const ComparedWith: Text = Text::new("so với", "compared with");
    pub const NationalAverage: Text = Text::new("Bình quân cả nước", "National average");
    pub const ChartTitle: Text = Text::new("Biểu đồ xếp hạng", "Ranking chart");
    pub const ChartAxisFrom: Text = Text::new("Trục bắt đầu từ", "Axis starts at");
    pub const NoMatches: Text = Text::new("Không có tỉnh nào khớp", "No province matches");
    pub const Language: Text = Text::new("Ngôn ngữ", "Language");
    pub const ExactValue: Text = Text::new("Giá trị gốc", "Exact value");
    pub const SourceLabel: Text = Text::new("Nguồn", "Source");
    pub const MaxPoints: Text = Text::new("Điểm tối đa", "Maximum points");
    pub const Conflict: Text = Text::new("Nguồn khác ghi", "Another source gives");
    pub const ComputedRank: Text = Text::new("tính toán", "computed");
    pub const OfficialRankKind: Text = Text::new("chính thức", "official");
    pub const Footer: Text = Text::new(
        "Số liệu chỉ lấy từ nguồn công bố; thiếu là thiếu, không ước tính.",
        "Figures come only from published sources; missing stays missing, nothing is estimated.",
    );
    pub const Credits: Text = Text::new("PCI: VCCI. PAPI: CECODES, VFF-CRT, RTA, UNDP. PAR INDEX, SIPAS: Bộ Nội vụ. Bản đồ: Natural Earth (phạm vi công cộng). Chứa dữ liệu từ GeoNames (CC BY 4.0).",
                "PCI: VCCI. PAPI: CECODES, VFF-CRT, RTA, UNDP. PAR INDEX, SIPAS: Ministry of Home Affairs. Map: Natural Earth (public domain). Contains data from GeoNames (CC BY 4.0).");
    pub const OpenData: Text = Text::new("Dữ liệu mở", "Open data");
    pub const OpenDataNote: Text = Text::new(
        "toàn bộ số liệu, mỗi giá trị kèm nguồn",
        "the whole dataset, each value with its source",
    );
    pub const HowToCite: Text = Text::new("Cách trích dẫn", "How to cite");
    pub const Citation: Text = Text::new("chiso contributors, chiso: các chỉ số quản trị và hành chính công cấp tỉnh của Việt Nam (PAR INDEX, SIPAS, PAPI, PCI), phiên bản {0}{1}. Số liệu thuộc các cơ quan công bố: VCCI (PCI); CECODES, VFF-CRT, RTA, UNDP (PAPI); Bộ Nội vụ (PAR INDEX, SIPAS); mỗi giá trị ghi rõ nguồn.",
                "chiso contributors, chiso: Vietnam's provincial governance and public administration indices (PAR INDEX, SIPAS, PAPI, PCI), version {0}{1}. The figures belong to their publishers: VCCI (PCI); CECODES, VFF-CRT, RTA, UNDP (PAPI); Ministry of Home Affairs (PAR INDEX, SIPAS); each value cites its source.");
    pub const Rankings: Text = Text::new("Xếp hạng", "Rankings");
    pub const Improved: Text = Text::new("tăng", "up");
    pub const Worsened: Text = Text::new("giảm", "down");
    pub const Unchanged: Text = Text::new("không đổi", "unchanged");
    pub const SortAscending: Text = Text::new("sắp xếp tăng dần", "sorted ascending");
    pub const SortDescending: Text = Text::new("sắp xếp giảm dần", "sorted descending");
    pub const ChooseProvince: Text = Text::new("Chọn tỉnh", "Choose a province");
    pub const ChooseProvinceHint: Text = Text::new("Gõ tên tỉnh (có hoặc không dấu) để xem hồ sơ: vị trí trên bốn chỉ số, thành phần mất điểm, các tỉnh cùng vùng.", "Type a province's name (with or without diacritics) to see its profile: its standing on the four indices, the components where it lost points, and its region's peers.");
    pub const MergedInto: Text = Text::new("Từ 1/7/2025 thuộc", "From 1 July 2025 part of");
    pub const Borders2025: Text = Text::new("Theo địa giới 2025", "Borders of 2025");
    pub const Borders2025Help: Text = Text::new("Xếp 63 tỉnh cũ vào 34 tỉnh, thành phố từ 1/7/2025; mỗi tỉnh cũ giữ điểm và hạng của mình, không có điểm gộp nào.", "The 63 former provinces placed under the 34 provinces of 1 July 2025; each keeps its own score and rank, and no combined score is made.");
    pub const GroupOrder: Text = Text::new("Nhóm xếp theo mã tỉnh, thành phố năm 2025 (thứ tự chính thức, từ Bắc vào Nam); trong nhóm theo cột đang chọn.", "Groups ordered by their 2025 province codes (the official order, north to south); within a group by the chosen column.");
    pub const FormedFrom: Text = Text::new("hợp nhất từ {0} tỉnh cũ", "formed from {0} provinces");
    pub const NotMerged: Text = Text::new("không hợp nhất", "not merged");
    pub const NoSuccessor: Text = Text::new(
        "Không thuộc tỉnh, thành phố nào của 2025",
        "Not part of a 2025 province",
    );
    pub const Province2025: Text = Text::new("Tỉnh, thành phố từ 2025", "Province from 2025");
    pub const Outlines2025: Text = Text::new(
        "Viền đậm: 34 tỉnh, thành phố từ 1/7/2025",
        "Thick outline: the 34 provinces of 1 July 2025",
    );
    pub const BordersGeoOnly: Text = Text::new(
        "Địa giới 2025 chỉ vẽ trên bản đồ địa lý.",
        "The borders of 2025 are drawn on the geographic map only.",
    );
    pub const Break2025: Text = Text::new("1/7/2025: 34 tỉnh, thành phố thành lập từ 63 tỉnh; đường của tỉnh cũ và tỉnh mới không nối nhau", "1 July 2025: the 34 provinces formed from the 63; no line joins a former province to a new one");
    pub const FormerProvinces: Text = Text::new("Các tỉnh cũ", "Former provinces");
    pub const No2025Result: Text = Text::new(
        "Chưa có kết quả từ năm 2025. Các tỉnh cũ:",
        "No result from 2025 yet. Former provinces:",
    );
    pub const NoRegionPeers: Text = Text::new(
        "Tỉnh này gồm các tỉnh cũ thuộc nhiều vùng nên không có bảng các tỉnh trong vùng.",
        "This province spans several regions, so there is no table of its region's provinces.",
    );
    pub const ShowTrends: Text = Text::new("Xem xu hướng", "Show trends");
    pub const WhereLost: Text = Text::new("Mất điểm ở đâu", "Where points were lost");
    pub const WhereLostHelp: Text = Text::new("Các thành phần xếp theo khoảng cách lớn nhất trước: điểm bị mất (nếu có điểm tối đa), nếu không thì khoảng cách tới tỉnh cao nhất tính theo % thang điểm.", "Components, largest gap first: points lost where the maximum is published, otherwise the gap to the best province as a share of the scale.");
    pub const NoComponents: Text = Text::new(
        "Chỉ số này không có số liệu thành phần cho năm đã chọn.",
        "This index has no component data for the chosen year.",
    );
    pub const FormerComponentsNote: Text = Text::new("{0} được thành lập ngày 1/7/2025; năm {1}, các tỉnh cũ ({2}) được đánh giá riêng. Dưới đây là số liệu thành phần của chính từng tỉnh cũ, đặt cạnh nhau, không cộng gộp hay tính bình quân thành số liệu của {0}.", "{0} was formed on 1 July 2025; in {1} its former provinces ({2}) were rated separately. Below are each former province's own component values, side by side, not added or averaged into a value for {0}.");
    pub const FormerComponentsHelp: Text = Text::new("Các thành phần theo thứ tự của chỉ số; với mỗi tỉnh cũ: giá trị, điểm bị mất (nếu có điểm tối đa) và khoảng cách tới tỉnh cao nhất tính theo % thang điểm.", "Components in the index's order; for each former province its value, the points lost where the maximum is published, and the gap to the best province as a share of the scale.");
    pub const NationalMedian: Text = Text::new("Trung vị cả nước", "National median");
    pub const RegionMedian: Text = Text::new("Trung vị vùng", "Regional median");
    pub const Best: Text = Text::new("Cao nhất", "Best");
    pub const PointsLost: Text = Text::new("Điểm bị mất", "Points lost");
    pub const GapToBest: Text = Text::new("Cách tỉnh cao nhất", "Gap to the best");
    pub const RegionPeers: Text = Text::new("Các tỉnh cùng vùng", "Provinces of the same region");
    pub const ViewProfile: Text = Text::new("Hồ sơ tỉnh", "Province profile");
    pub const ViewTrends: Text = Text::new("Xu hướng", "Trends");
    pub const ViewMap: Text = Text::new("Bản đồ", "Map");
    pub const ViewScatter: Text = Text::new("Tương quan", "Scatter");
    pub const ViewCompare: Text = Text::new("So sánh", "Compare");
    pub const Views: Text = Text::new("Các trang", "Views");
    pub const NoValueThisYear: Text = Text::new(
        "Tỉnh không có số liệu năm này. Năm gần nhất có số liệu:",
        "The province has no value this year. Latest year with data:",
    );
    pub const Remove: Text = Text::new("Bỏ", "Remove");
    pub const MethodChanges: Text = Text::new("Phương pháp thay đổi từ năm", "Method changed in");
    pub const ComputedRankYears: Text = Text::new(
        "Các năm không công bố thứ hạng, dùng vị trí tính trong các tỉnh có số liệu",
        "Years without published ranks, showing positions computed among the provinces with data",
    );
    pub const Show: Text = Text::new("Hiển thị", "Show");
    pub const Rank: Text = Text::new("Thứ hạng", "Rank");
    pub const AddProvince: Text = Text::new("Thêm tỉnh (tối đa 8)", "Add a province (up to 8)");
    pub const ChosenProvinces: Text = Text::new("Các tỉnh đã chọn", "Chosen provinces");
    pub const TrendsHint: Text = Text::new("Thêm một hoặc nhiều tỉnh để xem diễn biến qua các năm. Năm không có số liệu để trống, không nối đường.", "Add one or more provinces to see them over the years. Years without data are left as gaps, never bridged.");
    pub const Play: Text = Text::new("▶ Chạy qua các năm", "▶ Play the years");
    pub const Pause: Text = Text::new("⏸ Dừng", "⏸ Pause");
    pub const GeoMap: Text = Text::new("Bản đồ", "Map");
    pub const TileGrid: Text = Text::new(
        "Lưới ô (mỗi tỉnh một ô)",
        "Tile grid (one square per province)",
    );
    pub const MapCredit: Text = Text::new("Ranh giới: Natural Earth (phạm vi công cộng), đã đơn giản hóa; quần đảo Hoàng Sa và quần đảo Trường Sa vẽ trong ô Biển Đông, ở tỉ lệ nhỏ hơn, các đảo được phóng to để nhìn thấy. Chứa dữ liệu từ GeoNames (CC BY 4.0).", "Boundaries: Natural Earth (public domain), simplified; the Hoang Sa (Paracel) and Truong Sa (Spratly) Islands are drawn in the East Sea inset at a smaller scale, their islets enlarged to be seen. Contains data from GeoNames (CC BY 4.0).");
    pub const MapHint: Text = Text::new("Di chuột hoặc chọn (Tab) một tỉnh để xem giá trị; nhấn để mở hồ sơ tỉnh.", "Hover or focus (Tab) a province to see its value; click or press Enter to open its profile.");
    pub const HaTayNote: Text = Text::new(
        "Hà Tây (tồn tại đến 2008) không có ranh giới riêng trên bản đồ; xem ở chế độ lưới ô.",
        "Hà Tây (until 2008) has no boundary of its own on the map; see it on the tile grid.",
    );
    // The East Sea inset of the map: its title and each archipelago's label, two lines split
    // at the "\n" (the one-line name joins them with a space), and the tile grid's note.
    pub const EastSea: Text = Text::new("Biển Đông", "East Sea");
    pub const HoangSa: Text = Text::new(
        "Quần đảo Hoàng Sa\n(TP. Đà Nẵng)",
        "Hoang Sa (Paracel)\nIslands, Da Nang",
    );
    pub const TruongSa: Text = Text::new(
        "Quần đảo Trường Sa\n(tỉnh Khánh Hòa)",
        "Truong Sa (Spratly)\nIslands, Khanh Hoa",
    );
    pub const IslandsBelong: Text = Text::new("Quần đảo Hoàng Sa thuộc thành phố Đà Nẵng, quần đảo Trường Sa thuộc tỉnh Khánh Hòa; ô của mỗi địa phương này bao gồm quần đảo thuộc địa phương đó.", "The Hoang Sa (Paracel) Islands are part of Da Nang and the Truong Sa (Spratly) Islands part of Khanh Hoa; each of these two squares includes its archipelago.");
    pub const ScatterTooFew: Text = Text::new("Cần ít nhất 3 tỉnh có số liệu ở cả hai trục để tính tương quan. Chọn năm mà cả hai chỉ số đều có số liệu.", "At least 3 provinces with values on both axes are needed for a correlation. Choose a year in which both indices have data.");
    pub const LeastSquares: Text =
        Text::new("đường hồi quy bình phương tối thiểu", "least-squares line");
    pub const AddProvinceCompare: Text = Text::new("Thêm tỉnh (2–4 tỉnh)", "Add a province (2–4)");
    pub const CompareHint: Text = Text::new(
        "Chọn từ 2 đến 4 tỉnh để so sánh mọi thành phần của chỉ số trong một năm.",
        "Choose 2 to 4 provinces to compare every component of the index in one year.",
    );
    pub const Download: Text = Text::new("Tải về", "Download");
    pub const DownloadCsv: Text = Text::new("Bảng (CSV)", "Table (CSV)");
    // Excel downloads (render::xlsx, the xlsx worker).
    pub const DownloadXlsx: Text = Text::new("Bảng (Excel .xlsx)", "Table (Excel .xlsx)");
    pub const XlsxFailed: Text = Text::new(
        "Không tạo được tệp Excel",
        "The Excel file could not be made",
    );
    pub const DocxFailed: Text = Text::new(
        "Không tạo được tệp .docx",
        "The .docx file could not be made",
    );
    pub const DownloadedOn: Text = Text::new("Ngày tải về", "Downloaded on");
    pub const DownloadedFrom: Text = Text::new("Tải về từ", "Downloaded from");
    pub const TableShows: Text = Text::new("Bảng thể hiện", "What the table shows");
    pub const LowerBound: Text = Text::new("Cận dưới của khoảng", "Band from");
    pub const UpperBound: Text = Text::new("Cận trên của khoảng", "Band to");
    pub const OwnRowsMerged: Text = Text::new(
        "Số liệu chỉ số từ tệp của bạn, như chiso hiển thị",
        "Index figures from your files, as chiso shows them",
    );
    pub const FileName: Text = Text::new("Tệp", "File");
    pub const ViewInside: Text = Text::new("Bên trong tỉnh", "Inside a province");
    pub const Departments: Text = Text::new("Sở, ban, ngành", "Departments");
    pub const Districts: Text = Text::new("Huyện, thị xã, thành phố", "Districts");
    pub const Communes: Text =
        Text::new("Xã, phường, đặc khu", "Communes, wards and special zones");
    pub const WholeProvince: Text = Text::new("Toàn tỉnh", "Whole province");
    pub const Metric: Text = Text::new("Chỉ tiêu", "Metric");
    // What a disagreement between sources is about, when not the value itself.
    pub const AboutOfficialRank: Text = Text::new("xếp hạng chính thức", "official rank");
    pub const AboutComponents: Text = Text::new("các thành phần", "components");
    pub const Note: Text = Text::new("Ghi chú", "Note");
    pub const Derived: Text = Text::new("suy ra", "derived");
    pub const DerivedHelp: Text = Text::new("Tính từ mức thay đổi mà báo cáo nêu (vd. 95,83 \"tăng 1,25\" cho 94,58), không phải số công bố trực tiếp.", "Computed from a change the report states (e.g. 95.83 \"up 1.25\" gives 94.58), not a figure published directly.");
    pub const UnitsCount: Text = Text::new("đơn vị", "units");
    pub const BandsNote: Text = Text::new(
        "chỉ có khoảng điểm (vẽ thành đoạn từ thấp đến cao)",
        "given only as a band (drawn as a range from low to high)",
    );
    pub const ShowingFirst: Text = Text::new("hiển thị", "showing the first");
    pub const Unit: Text = Text::new("Đơn vị", "Unit");
    pub const UnitSearch: Text = Text::new("Tìm đơn vị", "Find a unit");
    pub const UnitSearchPlaceholder: Text =
        Text::new("vd. phuong, Sở Nội vụ", "e.g. phuong, so noi vu");
    pub const UnitsMatching: Text = Text::new("khớp với tìm kiếm", "match the search");
    pub const DistrictsEnded: Text = Text::new("Cấp huyện kết thúc từ 1/7/2025: nếu đây là xã, phường, đặc khu, hãy ghi unit_type là commune.", "Districts were abolished on 1 July 2025: for communes, wards and special zones, unit_type is commune.");
    pub const Band: Text = Text::new("khoảng", "band");
    pub const Meetings: Text = Text::new(
        "Các cuộc họp của Ban Chỉ đạo CCHC",
        "The steering committee's meetings",
    );
    pub const Chair: Text = Text::new("Chủ trì", "Chaired by");
    pub const Reading: Text = Text::new("Đang đọc", "Reading");
    pub const Rows: Text = Text::new("dòng", "rows");
    pub const RowsKept: Text = Text::new("dòng hợp lệ", "rows kept");
    pub const RowsWithErrors: Text = Text::new("dòng lỗi", "rows with errors");
    pub const KeptInBrowser: Text = Text::new(
        "Dữ liệu được lưu trong trình duyệt này (không gửi đi đâu) và còn sau khi tải lại trang.",
        "The data is kept in this browser (it is sent nowhere) and survives a reload.",
    );
    pub const NotKept: Text = Text::new(
        "Dữ liệu quá lớn để lưu trong trình duyệt; chỉ dùng được đến khi đóng trang.",
        "The data is too large to keep in the browser; it lasts until the page is closed.",
    );
    pub const RemoveData: Text = Text::new("Xóa dữ liệu của bạn", "Remove your data");
    pub const RowErrors: Text = Text::new("Các dòng bị bỏ qua", "Rows skipped");
    pub const Line: Text = Text::new("Dòng", "Line");
    pub const YourData: Text = Text::new("Dữ liệu của bạn", "Your data");
    pub const YourDataHelp: Text = Text::new("Chọn hoặc kéo thả tệp CSV, TSV, JSON hoặc sổ tính Excel (.xlsx, .xls, .ods), một hay nhiều tệp, hoặc dán bảng từ bảng tính. Tệp có hai loại, nhận ra theo các cột; bảng theo mẫu của cơ quan công bố (phụ lục kết quả chỉ số) được đối chiếu từng cột trước khi đọc. Tệp chỉ được đọc trong trình duyệt, không gửi đi đâu.", "Choose or drop CSV, TSV, JSON or Excel workbooks (.xlsx, .xls, .ods), one or several, or paste a table from a spreadsheet. There are two kinds of file, told apart by their columns; a table in its publisher's layout (an index's results annex) is matched column by column before it is read. Files are read only in your browser and sent nowhere.");
    pub const ValueKept: Text = Text::new("giá trị dùng", "value used");
    pub const SourcesDisagree: Text = Text::new("Nguồn không thống nhất", "Where sources disagree");
    pub const SourcesLoading: Text =
        Text::new("Đang tải danh sách nguồn…", "Loading the list of sources…");
    pub const AlsoGivenBy: Text = Text::new("Cũng có trong nguồn", "Also given by source");
    pub const GivesValue: Text = Text::new("giá trị", "value");
    pub const GivesRank: Text = Text::new("thứ hạng", "rank");
    pub const GivesValueAndRank: Text = Text::new("giá trị và thứ hạng", "value and rank");
    pub const OtherSources: Text = Text::new("Nguồn khác", "Other sources");
    pub const Columns: Text = Text::new("Cột", "Columns");
    pub const BandColumns: Text = Text::new("tùy chọn, cho khoảng điểm", "optional, for a band");
    pub const UnitTypes: Text = Text::new("Loại đơn vị", "Unit types");
    pub const UnitTypeAliases: Text = Text::new(
        "cũng nhận (có dấu hoặc không)",
        "also accepted (with or without diacritics)",
    );
    pub const SizeLimit: Text = Text::new("Giới hạn", "Limit");
    pub const ChooseFile: Text = Text::new("Chọn tệp", "Choose a file");
    pub const Template: Text = Text::new("Tải tệp mẫu (CSV)", "Download the template (CSV)");
    pub const InsideHelp: Text = Text::new("Điểm của các sở, ngành và huyện (từ năm 2025: xã, phường, đặc khu) theo báo cáo của Ban Chỉ đạo CCHC tỉnh; khoảng điểm được giữ nguyên là khoảng.", "Departments' and districts' (from 2025: communes') scores as the provincial steering committee reported them; bands stay bands.");
    pub const InsideLink: Text = Text::new("Số liệu nội bộ của tỉnh", "The province's own data");
    pub const DataTable: Text = Text::new("Bảng số liệu của biểu đồ", "The chart's data table");
    pub const PartLoading: Text = Text::new(
        "Đang tải thêm dữ liệu cho lựa chọn này…",
        "Loading more data for this choice…",
    );
    pub const PartFailed: Text = Text::new(
        "Không tải được dữ liệu cho lựa chọn này; lựa chọn trước vẫn được giữ.",
        "The data for this choice could not be loaded; the previous selection is kept.",
    );
    pub const DescBars: Text = Text::new(
        "Biểu đồ thanh ngang theo thứ tự xếp hạng: {0} tỉnh có số liệu.",
        "Horizontal bar chart in ranking order: {0} provinces with data.",
    );
    pub const DescExtremes: Text = Text::new(
        "Cao nhất: {0} ({1}); thấp nhất: {2} ({3}); trung vị: {4}.",
        "Highest: {0} ({1}); lowest: {2} ({3}); median: {4}.",
    );
    pub const DescNotDrawn: Text = Text::new(
        "{0} tỉnh không có số liệu không được vẽ.",
        "{0} provinces without data are not drawn.",
    );
    pub const DescLines: Text = Text::new(
        "Biểu đồ đường {0}–{1}; năm không có số liệu để trống, không nối.",
        "Line chart {0}–{1}; years without data are left as gaps, not bridged.",
    );
    pub const DescLine: Text =
        Text::new("{0}: {1} ({2}) → {3} ({4})", "{0}: {1} ({2}) → {3} ({4})");
    pub const DescYearsMissing: Text =
        Text::new("số năm không có số liệu: {0}", "years without data: {0}");
    pub const DescMethodBreaks: Text = Text::new("Đường không nối qua năm thay đổi phương pháp ({0}): số liệu trước và sau không so sánh được với nhau.", "No line is joined across a change of method ({0}): values on either side are not comparable.");
    pub const DescRank: Text = Text::new("hạng {0}", "rank {0}");
    pub const DescScatter: Text = Text::new("Biểu đồ tán xạ, mỗi chấm là một tỉnh ({0} tỉnh có cả hai số liệu); trục ngang: {1}; trục dọc: {2}.", "Scatter plot, one dot per province ({0} provinces with both values); horizontal axis: {1}; vertical axis: {2}.");
    pub const DescCorrelation: Text = Text::new(
        "Hệ số tương quan Pearson r = {0}, Spearman ρ = {1}.",
        "Pearson correlation r = {0}, Spearman ρ = {1}.",
    );
    pub const DescGrouped: Text = Text::new(
        "Biểu đồ cột nhóm: {0} thành phần, mỗi nhóm một cột cho mỗi tỉnh trong {1} tỉnh.",
        "Grouped bar chart: {0} components, one bar for each of {1} provinces in every group.",
    );
    pub const DescHighestEach: Text =
        Text::new("Cao nhất ở từng thành phần:", "Highest on each component:");
    pub const DescMap: Text = Text::new("Bản đồ tô màu theo {0} nhóm có số tỉnh bằng nhau, từ tím đậm (thấp nhất) đến vàng (cao nhất); {1} tỉnh có số liệu, {2} tỉnh không có số liệu được gạch chéo.", "Map coloured in {0} classes with equal numbers of provinces, from dark purple (lowest) to yellow (highest); {1} provinces with data, {2} without data hatched.");
    pub const DescRanges: Text =
        Text::new("Mỗi thanh là một đơn vị ({0}).", "One bar per unit ({0}).");
    pub const DescBands: Text = Text::new(
        "Điểm công bố dưới dạng băng được vẽ thành khoảng từ thấp đến cao.",
        "Scores published as bands are drawn as ranges from low to high.",
    );
    pub const DescTopBottom: Text = Text::new(
        "Từ trên xuống: {0} ({1}) … {2} ({3}).",
        "Top to bottom: {0} ({1}) … {2} ({3}).",
    );
    pub const ViewBrief: Text = Text::new("Báo cáo tóm tắt", "Committee brief");
    pub const BriefHeading: Text = Text::new("{0}: báo cáo tóm tắt năm {1}", "{0}: brief for {1}");
    pub const BriefSummary: Text = Text::new("Tóm tắt", "Summary");
    pub const BriefStanding: Text = Text::new("Kết quả", "Standing");
    pub const BriefWhy: Text = Text::new("Nguyên nhân tăng, giảm điểm và thứ hạng", "Why it moved");
    pub const BriefScenario: Text = Text::new(
        "Thêm một điểm ở đâu có tác dụng nhất (giả định, không phải dự báo)",
        "Where one more point counts most (a scenario, not a forecast)",
    );
    pub const BriefUnits: Text =
        Text::new("Các cơ quan, đơn vị của tỉnh", "The province's own units");
    pub const BriefNothing: Text = Text::new(
        "Không có số liệu cho phần này năm nay.",
        "No figures for this section this year.",
    );
    pub const BriefPrepared: Text = Text::new("Lập ngày", "Prepared on");
    pub const BriefSourceLine: Text = Text::new(
        "Số liệu: chiso, từ các nguồn đã công bố ghi ở cuối văn bản",
        "Data: chiso, from the published sources listed at the end",
    );
    pub const BriefReport: Text = Text::new("Báo cáo", "Report");
    // An edition at a glance (render::edition, the edition view).
    pub const ViewEdition: Text = Text::new("Kỳ công bố", "Edition");
    pub const EditionHeading: Text =
        Text::new("{0} {1}: tóm tắt kết quả công bố", "{0} {1} at a glance");
    pub const EditionResults: Text = Text::new(
        "Dẫn đầu, cuối bảng và biến động",
        "Leaders, laggards and movers",
    );
    pub const EditionField: Text = Text::new(
        "Các vùng, mức bình quân và mức chênh lệch",
        "Regions, average and spread",
    );
    pub const EditionTable: Text = Text::new("Toàn bộ bảng xếp hạng", "The whole table");
    pub const EditionFormer: Text = Text::new(
        "Các tỉnh cũ năm {0}, từng tỉnh riêng",
        "The former provinces in {0}, each on its own",
    );
    pub const EditionSlopeChart: Text = Text::new(
        "{0}: năm {1} và năm {2}, mỗi đường là một tỉnh",
        "{0}: {1} and {2}, a line per province",
    );
    pub const EditionSlopeDesc: Text = Text::new("Biểu đồ độ dốc: {0} tỉnh có điểm ở cả hai kỳ; {1} tỉnh tăng điểm (đường xanh, chấm tròn), {2} tỉnh giảm điểm (đường cam, chấm tam giác); tỉnh chỉ có điểm ở một kỳ là chấm xám.", "Slope chart: {0} provinces with a score in both editions; {1} rose (blue lines, round dots), {2} fell (orange lines, triangles); a province with a score in one edition only is a grey dot.");
    pub const EditionSlopeBreak: Text = Text::new("Phương pháp thay đổi từ năm {0}: điểm của hai kỳ không so sánh được nên không nối với nhau; mỗi kỳ là một cột chấm.", "The method changed in {0}: the two editions' scores do not compare, so they are not joined; each edition is a column of dots.");
    pub const EditionDotsChart: Text = Text::new(
        "{0} {1}: điểm của từng tỉnh",
        "{0} {1}: each province's score",
    );
    pub const EditionDotsDesc: Text = Text::new(
        "Biểu đồ chấm theo thứ tự xếp hạng: {0} tỉnh có số liệu; đường đậm là mức bình quân chung đã công bố.",
        "Dot plot in ranking order: {0} provinces with data; the dark line is the published national average.",
    );
    pub const EditionNone: Text = Text::new(
        "Chỉ số này không có số liệu của năm đã chọn.",
        "This index has no figures for the chosen year.",
    );
    pub const CopyText: Text = Text::new("Sao chép các câu", "Copy the sentences");
    pub const Copied: Text = Text::new("Đã sao chép", "Copied");
    pub const Print: Text = Text::new("In", "Print");
    pub const DownloadDocx: Text = Text::new("Tải về .docx", "Download .docx");
    pub const BriefDownloadXlsx: Text = Text::new(
        "Tải các bảng về (Excel .xlsx)",
        "Download the tables (Excel .xlsx)",
    );
    /// A column of a brief's table as its text shows it, beside its figures, in the workbook.
    pub const BriefAsShown: Text = Text::new("{0} (như trong báo cáo)", "{0} (as in the brief)");
    pub const PartInChange: Text = Text::new(
        "Phần trong thay đổi của tổng điểm",
        "Part in the change of the total",
    );
    pub const ShareChange: Text = Text::new(
        "Thay đổi tỷ lệ so với điểm tối đa (điểm %)",
        "Change in share of the maximum (percentage points)",
    );
    pub const PointsAdded: Text = Text::new("Điểm thêm", "Points added");
    pub const PositionScenario: Text =
        Text::new("Vị trí theo giả định", "Position in the scenario");
    pub const Block: Text = Text::new("Khối", "Block");
    pub const AboveAverage: Text =
        Text::new("Đơn vị trên mức trung bình", "Units above the average");
    pub const AtLeast90: Text = Text::new("Đơn vị đạt từ 90 trở lên", "Units at 90 or more");
    pub const TopUnit: Text = Text::new("Đơn vị đứng đầu", "Top unit");
    pub const StorageFull: Text = Text::new("Bộ nhớ của trình duyệt dành cho trang này đã đầy: tệp này chỉ dùng được đến khi đóng trang; các tệp đã lưu trước đó vẫn còn.", "The browser's storage for this site is full: this file lasts until the page is closed; the files kept before are still kept.");
    pub const StorageRefused: Text = Text::new(
        "Trình duyệt không cho lưu tệp, nên tệp chỉ dùng được đến khi đóng trang",
        "The browser does not let the file be kept, so it lasts until the page is closed",
    );
    pub const FileUnreadable: Text = Text::new("Không đọc được tệp", "The file could not be read");
    pub const ReaderFailed: Text = Text::new(
        "Không khởi động được bộ đọc tệp",
        "The file reader could not start",
    );
    // The legacy encodings a user's file is converted from (data::user_files::legacy_encodings).
    pub const EncodingTcvn3: Text = Text::new("bảng mã TCVN3 (ABC)", "the TCVN3 (ABC) encoding");
    pub const EncodingVni: Text = Text::new("bảng mã VNI-Windows", "the VNI-Windows encoding");
    pub const EncodingWindows1258: Text =
        Text::new("bảng mã Windows-1258", "the Windows-1258 code page");
    pub const ConvertedFrom: Text = Text::new(
        "Tệp đã được chuyển từ {0} sang Unicode; đề nghị kiểm tra lại tên tỉnh, tên đơn vị.",
        "The file was converted from {0} to Unicode; check the names of provinces and units.",
    );
    pub const ViewData: Text = Text::new("Dữ liệu của bạn", "Your data");
    pub const PasteLabel: Text = Text::new(
        "Hoặc dán bảng từ bảng tính (Excel, Google Sheets), kể cả dòng tiêu đề",
        "Or paste a table from a spreadsheet (Excel, Google Sheets), header row included",
    );
    pub const ReadPasted: Text = Text::new("Đọc bảng đã dán", "Read the pasted table");
    pub const PastedName: Text = Text::new("bang-da-dan", "pasted-table");
    pub const YourFiles: Text = Text::new("Các tệp của bạn", "Your files");
    pub const NoFilesYet: Text = Text::new("Chưa có tệp nào.", "No files yet.");
    pub const FilesBeingRead: Text =
        Text::new("Đang đọc các tệp đã lưu…", "Reading the saved files…");
    pub const KeptPending: Text =
        Text::new("Đang lưu vào trình duyệt…", "Being kept in the browser…");
    pub const MappingTitle: Text =
        Text::new("Đối chiếu các cột của tệp", "Match the file's columns");
    pub const MappingIntro: Text = Text::new("Đề nghị kiểm tra cách chiso đọc từng cột, điều chỉnh nếu cần, sau đó xác nhận. Dữ liệu chỉ được lưu sau khi xác nhận.", "Check how chiso reads each column, change it if needed, then confirm. Nothing is kept before you confirm.");
    pub const MappingRemembered: Text = Text::new(
        "Đã điền sẵn theo cách đối chiếu đã được xác nhận cho tệp có cùng cấu trúc.",
        "Pre-filled with the mapping you confirmed for a file of the same shape.",
    );
    pub const MappingSheet: Text = Text::new("Trang tính", "Sheet");
    pub const MappingIndex: Text = Text::new("Chỉ số", "Index");
    pub const MappingYear: Text = Text::new("Năm", "Year");
    pub const MappingColumns: Text = Text::new(
        "Các cột và cách chiso đọc",
        "Columns and how chiso reads them",
    );
    pub const RoleIgnored: Text = Text::new("Bỏ qua", "Ignored");
    pub const RoleProvince: Text = Text::new("Tỉnh, thành phố", "Province");
    pub const RoleYear: Text = Text::new("Năm", "Year");
    pub const RoleSource: Text = Text::new("Nguồn", "Source");
    pub const RoleTotal: Text = Text::new("Điểm tổng hợp của chỉ số", "The index's total");
    pub const RoleRankTotal: Text = Text::new("Xếp hạng chung", "Overall rank");
    pub const RoleRank: Text = Text::new("Xếp hạng", "Rank");
    // The mapping step of a province's own unit scores in its wide layout.
    pub const MappingKindUnits: Text = Text::new(
        "Tệp được đọc là bảng điểm các cơ quan, đơn vị của một tỉnh: mỗi dòng một đơn vị, mỗi cột một tiêu chí hoặc chỉ số.",
        "Read as a province's scores of its own units: a row per unit, a column per criterion or index.",
    );
    pub const MappingBlock: Text = Text::new(
        "Khối của đơn vị có tên không cho biết khối",
        "Block of the units whose names do not tell it",
    );
    pub const MappingBlockColumn: Text = Text::new("Khối", "Block");
    pub const RoleUnit: Text = Text::new("Tên cơ quan, đơn vị", "Unit's name");
    pub const RoleCriterion: Text = Text::new("Tiêu chí", "Criterion");
    pub const MappingPreview: Text = Text::new(
        "Các dòng đầu, như chiso sẽ đọc",
        "The first rows, as chiso will read them",
    );
    pub const MappingProblem: Text = Text::new("Lỗi", "Problem");
    pub const MappingAside: Text = Text::new(
        "Các dòng được để riêng, không đọc",
        "Rows set aside, not read",
    );
    pub const MappingConfirm: Text = Text::new("Xác nhận và đọc tệp", "Confirm and read the file");
    pub const MappingCancel: Text = Text::new("Hủy", "Cancel");
    pub const MappingNone: Text = Text::new("Chưa xác định", "Not set");
    pub const UnitsInside: Text = Text::new(
        "Xem điểm các đơn vị trong trang Trong tỉnh",
        "See the units' scores in the Inside view",
    );
    pub const ManageFiles: Text = Text::new(
        "Chọn, dán hoặc xóa tệp trong trang Dữ liệu của bạn",
        "Choose, paste or remove files in the Your data view",
    );
    pub const OwnValue: Text = Text::new("Giá trị từ tệp của bạn", "Value from your file");
    pub const OwnValuesNote: Text = Text::new(
        "giá trị lấy từ tệp của bạn (đánh dấu ✎)",
        "values from your files (marked ✎)",
    );
    pub const IndexTemplate: Text = Text::new(
        "Tải tệp mẫu bảng chỉ số (CSV)",
        "Download the index table template (CSV)",
    );
    pub const UnitsFiles: Text = Text::new(
        "Điểm các đơn vị của tỉnh (sở, huyện, xã)",
        "Scores of a province's own units (departments, districts, communes)",
    );
    pub const IndexFiles: Text = Text::new(
        "Bảng chỉ số theo tỉnh (như phụ lục chính thức)",
        "Province index tables (as in an official annex)",
    );
    pub const OptionalColumns: Text = Text::new("tùy chọn", "optional");
    pub const ComponentDefault: Text = Text::new(
        "(component để trống là total, chỉ số tổng hợp)",
        "(an empty component means total, the overall index)",
    );
    pub const IndexKeysNote: Text = Text::new(
        "Cột index: một chỉ số có sẵn hoặc mã chỉ số của riêng bạn",
        "The index column: a bundled index or a key of your own index",
    );
    pub const OwnIndexNote: Text = Text::new(
        "Chỉ số của riêng bạn: điền các cột sau ở dòng đầu tiên của chỉ số đó",
        "An index of your own: fill these columns on its first row",
    );
    pub const GeographyNote: Text = Text::new("Năm đến 2024 dùng 63 tỉnh, từ 2025 dùng 34 tỉnh, thành phố mới; tên tỉnh viết có dấu hay không dấu, viết tắt (TP.HCM, TT-Huế) đều được. Hai dòng trong tệp mẫu là ví dụ lấy từ dữ liệu có sẵn, kèm nguồn.", "Years to 2024 use the 63 provinces, from 2025 the 34 new ones; province names with or without diacritics, or abbreviated (TP.HCM, TT-Hue), are understood. The template's two rows are examples from the bundled data, with their sources.");
    pub const BriefYears: Text = Text::new("Qua các năm", "Over the years");
    pub const BriefYearsChart: Text =
        Text::new("{0} của {1} qua các năm", "{0}: {1} over the years");
    pub const BriefPartsChart: Text = Text::new(
        "{0}: phần của từng chỉ số thành phần trong thay đổi của tổng điểm, {1} → {2}",
        "{0}: each component's part in the change of the total, {1} → {2}",
    );
    pub const BriefChangesChart: Text = Text::new(
        "{0}: thay đổi của từng chỉ số thành phần, {1} → {2}",
        "{0}: the change of each component, {1} → {2}",
    );
    pub const DescChanges: Text = Text::new("Biểu đồ thanh ngang: {0} chỉ số thành phần; thanh sang phải là tăng điểm, sang trái là giảm điểm.", "Horizontal bar chart: {0} components; a bar to the right is a gain, to the left a loss.");
    pub const BriefOwnFile: Text = Text::new("Tệp của bạn: {0}", "Your file: {0}");
    pub const BriefFileLine: Text =
        Text::new("Tệp của bạn: {0}, dòng {1}", "Your file: {0}, line {1}");
    pub const BriefFileLines: Text = Text::new(
        "Tệp của bạn: {0}, các dòng {1}",
        "Your file: {0}, lines {1}",
    );
    pub const PageNoScript: Text = Text::new("Trang này cho thấy {0} như đã dựng sẵn; các phần tương tác (chọn chỉ số, năm, tìm kiếm, các trang khác) cần JavaScript và WebAssembly.", "This page shows {0} as built; the interactive parts (choosing an index or year, search, the other views) need JavaScript and WebAssembly.");
    pub const PageProfileOf: Text = Text::new("hồ sơ của {0}", "the profile of {0}");
    pub const PageBriefOf: Text = Text::new(
        "báo cáo tóm tắt năm {1} của {0}",
        "the {1} committee brief of {0}",
    );
    pub const PageRankingOf: Text =
        Text::new("bảng xếp hạng {0} mới nhất", "the latest {0} ranking");
    /// An index's ranking page's title and preview heading: the index, then the year.
    pub const PageRankingTitle: Text = Text::new("Xếp hạng {0} {1}", "{0} {1} rankings");
    pub const MergeFailed: Text = Text::new(
        "Không gộp được bảng chỉ số của bạn vào dữ liệu",
        "Your index tables could not be merged into the data",
    );
    pub const Share: Text = Text::new("Chia sẻ", "Share");
    pub const ShareTools: Text = Text::new("Chia sẻ trang này", "Share this view");
    pub const AddressCopied: Text = Text::new(
        "Đã sao chép địa chỉ của trang này.",
        "The address of this view is copied.",
    );
    pub const AddressNotCopied: Text = Text::new(
        "Trình duyệt không cho sao chép; hãy chép địa chỉ này:",
        "The browser refused to copy; copy this address yourself:",
    );
    pub const Shared: Text = Text::new("Đã chia sẻ.", "Shared.");
    pub const ShareCancelled: Text = Text::new("Đã hủy chia sẻ.", "Sharing cancelled.");
    pub const ShareFailed: Text = Text::new(
        "Không mở được bảng chia sẻ của máy.",
        "The system share sheet could not open.",
    );
    pub const Embed: Text = Text::new("Nhúng", "Embed");
    pub const EmbedTitle: Text = Text::new(
        "Nhúng trang này vào một trang web khác",
        "Embed this view in another site",
    );
    pub const EmbedHelp: Text = Text::new("Dán đoạn mã này vào trang web của bạn: khung hiện đúng trang đang xem (cùng lựa chọn), không có đầu trang, kèm liên kết về trang đầy đủ.", "Paste this code into your page: the frame shows this view as it is now (the same choices), without the site's header, with a link back to the full view.");
    pub const EmbedCode: Text = Text::new("Mã nhúng (iframe)", "Embed code (iframe)");
    pub const CopyCode: Text = Text::new("Sao chép mã", "Copy the code");
    pub const CodeCopied: Text = Text::new("Đã sao chép mã nhúng.", "The embed code is copied.");
    pub const CodeNotCopied: Text = Text::new(
        "Trình duyệt không cho sao chép; hãy chọn mã trong ô và chép bằng tay.",
        "The browser refused to copy; select the code in the box and copy it yourself.",
    );
    pub const Close: Text = Text::new("Đóng", "Close");
    pub const OpenFullView: Text =
        Text::new("Mở trang đầy đủ trên chiso", "Open the full view on chiso");
    pub const NewTab: Text = Text::new("(mở trong thẻ mới)", "(opens in a new tab)");
    pub const ViewLoading: Text = Text::new(
        "Đang tải phần này của ứng dụng…",
        "Loading this part of the app…",
    );
    pub const ViewLoadFailed: Text = Text::new("Không tải được phần này của ứng dụng; các bảng xếp hạng và hồ sơ tỉnh vẫn dùng được.", "This part of the app could not be loaded; the rankings and the province profiles still work.");

    /// Checked when the build evaluates the constant, so that a text a build uses cannot lack a
    /// language or a placeholder (`{0}`…`{9}`) in one of them.
    const fn new(vi: &'static str, en: &'static str) -> Text {
        assert!(!blank(vi) && !blank(en), "a text lacks a language");
        assert!(
            placeholders(vi) == placeholders(en),
            "a text's languages have different placeholders"
        );
        Text { vi, en }
    }

    /// (Vietnamese, English)
    pub fn pair(self) -> (&'static str, &'static str) {
        (self.vi, self.en)
    }
}

/// Whether a text is empty or only spaces (a `const fn`: `Text::new` runs at build time).
const fn blank(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_whitespace() {
            return false;
        }
        i += 1;
    }
    true
}

/// The placeholders `{0}`…`{9}` a text holds, as a set of bits.
const fn placeholders(text: &str) -> u16 {
    let bytes = text.as_bytes();
    let mut set = 0;
    let mut i = 0;
    while i + 2 < bytes.len() {
        if bytes[i] == b'{' && bytes[i + 1].is_ascii_digit() && bytes[i + 2] == b'}' {
            set |= 1 << (bytes[i + 1] - b'0');
        }
        i += 1;
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_checked_for_both_languages_and_their_placeholders() {
        assert!(blank(" \n") && blank("") && !blank(" x"));
        assert_eq!(placeholders("{0} của {1}"), 0b11);
        assert_eq!(placeholders("{2}: {0}"), placeholders("{0} ({2})"));
        assert_ne!(placeholders("{1} tỉnh"), placeholders("provinces"));
        assert_eq!(placeholders("{x} {10}"), 0);
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
