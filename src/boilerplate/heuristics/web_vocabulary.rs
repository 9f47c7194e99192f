//! The web's chrome in the common languages of the web, for [`super::phrases`]: what a page's
//! widgets, teaser lists, comment forms, captions, tags, dates and footers say. A leaf of word
//! lists only (kept compact, one language's words per line group).

// The chrome in the common languages of the web: what a page's widgets, teaser lists,
// comment forms and footers say, in English, German, French, Spanish, Italian, Portuguese, Dutch,
// Polish, Russian, Ukrainian, Turkish, Swedish/Danish/Norwegian, Czech, Hungarian, Romanian,
// Finnish, Greek, Indonesian, Vietnamese, Arabic, Chinese, Japanese and Korean. Lowercase; each
// phrase is matched where it opens the line, ending at a word boundary (a phrase ending in `:` needs
// that colon; a Chinese or Japanese phrase needs no boundary). Generic CMS and widget wording
// only: never one site's strings.

/// Headers of a list of other articles ("Related articles", "Lesen Sie auch", "Lea también:"):
/// the header and the headlines under it (or glued after its colon) go as a `related-list`.
#[rustfmt::skip]
pub(super) static RELATED_HEADS: &[&str] = &[
    // en
    "see more:", "more to explore", "up next", "next up", "watch next", "more videos",
    "other news", "also read:", "from around the web", "around the web", "our latest",
    "more like this",
    "recent comments", "recent posts",
    // de
    "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "das könnte ihnen auch gefallen", "das könnte dir auch gefallen",
    "das thema könnte dich auch interessieren", "könnte sie auch interessieren",
    "auch interessant", "ebenfalls interessant", "verwandte artikel", "verwandte beiträge",
    "verwandte themen", "verwandte nachrichten", "ähnliche artikel", "ähnliche beiträge",
    "ähnliche themen", "ähnliche nachrichten", "mehr zum thema", "mehr zu diesem thema",
    "weitere artikel", "weitere beiträge", "weitere nachrichten", "weitere meldungen",
    "weitere news", "mehr news", "mehr nachrichten", "meistgelesen", "meistgelesene artikel",
    "am meisten gelesen", "meist gelesen", "viel gelesen", "empfohlen für dich",
    "empfohlen für sie", "empfehlungen der redaktion", "empfehlungen aus der redaktion",
    "lesen sie auch", "lesen sie mehr", "lies auch", "auch lesenswert", "schon gelesen?",
    "zum weiterlesen", "neueste artikel", "neueste beiträge", "die neuesten meldungen",
    "neueste meldungen", "neueste nachrichten", "aktuelle meldungen", "aktuelle nachrichten",
    "letzte beiträge", "beliebte beiträge", "beliebte artikel", "artikel zum thema",
    "beiträge zum thema", "top themen", "top-themen", "siehe auch", "weiterführende links",
    "passend zum thema", "noch mehr", "mehr aus", "mehr von",
    "aktuelle kommentare", "neueste kommentare", "letzte kommentare",
    "diese artikel könnten dich interessieren", "diese artikel könnten sie interessieren",
    // fr
    "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "lire également",
    "voir aussi", "sur le même sujet", "sur le même thème", "dans la même rubrique",
    "articles similaires", "articles liés", "articles connexes", "à voir aussi",
    "vous aimerez aussi", "vous aimerez peut-être aussi", "vous pourriez aussi aimer",
    "les plus lus", "les plus populaires", "les plus partagés", "derniers articles",
    "dernières actualités", "dernières nouvelles", "articles récents", "plus d'actualités",
    "commentaires récents", "derniers commentaires",
    // es
    "lea también", "lee también", "lea además", "lea más:", "lee más:", "lea:", "lee:", "mira:",
    "mire:", "vea:", "vea también", "ver también", "mira también", "te puede interesar",
    "también te puede interesar", "le puede interesar", "también le puede interesar",
    "puede interesarte", "te recomendamos", "le recomendamos", "puedes ver:",
    "noticias relacionadas", "notas relacionadas", "artículos relacionados",
    "contenido relacionado", "otras noticias", "más noticias", "lo más leído", "lo más visto",
    "más leídas", "más leídos", "últimas noticias", "te puede gustar", "quizás te interese",
    "relacionados:", "relacionado:",
    "comentarios recientes", "entradas recientes",
    "las más vistas", "los más vistos",
    // it
    "leggi anche", "vedi anche", "potrebbe interessarti", "ti potrebbe interessare",
    "potrebbero interessarti", "articoli correlati", "notizie correlate", "i più letti",
    "più letti", "le più lette", "più lette", "ultime notizie", "altre notizie",
    "commenti recenti", "articoli recenti",
    // pt
    "leia também", "leia mais:", "veja também", "veja mais:", "leia:", "veja:",
    "notícias relacionadas", "artigos relacionados", "conteúdo relacionado", "mais lidas",
    "mais lidos", "as mais lidas", "últimas notícias", "você também pode gostar",
    "você pode gostar", "mais notícias", "outras notícias",
    "comentários recentes", "posts recentes",
    // nl
    "lees ook", "bekijk ook", "zie ook", "gerelateerde artikelen", "meest gelezen", "meer nieuws",
    "ander nieuws", "laatste nieuws", "ook interessant",
    "recente reacties", "recente berichten",
    // pl
    "czytaj także", "czytaj też", "zobacz także", "zobacz też", "przeczytaj także",
    "przeczytaj też", "podobne artykuły", "powiązane artykuły", "najczęściej czytane",
    "polecane artykuły",
    "ostatnie komentarze", "ostatnie wpisy",
    // ru, uk
    "вам может быть интересно", "вам также может понравиться", "рекомендуем прочитать",
    "ещё новости", "еще новости", "читайте також", "дивіться також", "новини за темою",
    "схожі новини", "останні новини", "більше новин",
    "последние комментарии", "свежие комментарии", "свежие записи",
    // tr
    "ilgili haberler", "benzer haberler", "en çok okunanlar", "çok okunanlar", "diğer haberler",
    "ilginizi çekebilir", "bunlar da ilginizi çekebilir",
    // sv, da, no
    "läs också", "läs även", "relaterade artiklar", "mest lästa", "læs også", "les også",
    "mest leste", "mest læste", "relaterte saker",
    // cs, sk, hu, ro, fi, el
    "čtěte také", "čtěte též", "související články", "související", "nejčtenější", "mohlo by vás zajímat",
    "súvisiace články", "čítajte aj", "ezek is érdekelhetnek", "kapcsolódó cikkek",
    "legolvasottabb", "további hírek", "citește și", "citeste si", "articole similare",
    "cele mai citite", "lue myös", "luetuimmat", "διαβάστε επίσης", "δείτε επίσης",
    "σχετικά άρθρα",
    // id, vi, ar
    "baca juga", "berita terkait", "artikel terkait", "berita lainnya", "tin liên quan",
    "bài viết liên quan", "tin cùng chuyên mục", "اقرأ أيضا", "اقرأ أيضاً", "مواضيع ذات صلة",
    "أخبار ذات صلة", "الأكثر قراءة",
    // zh, ja, ko
    "相关阅读", "相关文章", "相关新闻", "相关推荐", "相关链接", "延伸阅读", "推荐阅读", "热门推荐", "热门文章", "热点新闻", "猜你喜欢", "点击排行",
    "精彩推荐", "更多新闻", "最新文章", "相關閱讀", "相關新聞", "相關文章", "延伸閱讀", "推薦閱讀", "熱門新聞", "更多新聞", "関連記事",
    "関連ニュース", "関連リンク", "あわせて読みたい", "合わせて読みたい", "こちらもおすすめ", "おすすめ記事", "人気記事", "アクセスランキング", "最新記事",
    "注目記事", "관련기사", "관련 기사", "관련뉴스", "관련 뉴스", "많이 본 뉴스", "인기기사", "추천기사",
];

/// Phrases opening a prompt line of a widget or form (share, follow, subscribe, log in, comment
/// form, cookie notice, skip link, paywall): the line goes as a `prompt` when it is short.
#[rustfmt::skip]
pub(super) static PROMPT_HEADS: &[&str] = &[
    // en
    "to read the full story", "to continue reading", "already a subscriber",
    "already have an account", "don't have an account", "create an account",
    "create a free account", "click to skip ad", "notify me of",
    "your email address will not be published", "comments are closed", "save my name, email",
    "required fields are marked", "we use cookies", "this website uses cookies",
    "this site uses cookies", "by continuing to use this", "accept cookies", "skip to content",
    "skip to main content", "skip to navigation", "back to top", "report an error",
    "report a typo", "why you can trust", "tell us what you think", "have your say",
    "join the conversation", "opens in new window",
    "oops! something went wrong while submitting", "thank you! your submission has been received",
    "this field is for validation purposes",
    "print recipe", "print this recipe", "back to previous page", "back to list",
    "your cart is empty", "enter your email address",
    "view the discussion thread",
    "view this post on instagram", "search for:",
    // (An HTML5 video player's dialogs and menus, as the common players print them.)
    "this is a modal window", "beginning of dialog window", "end of dialog window",
    "close modal dialog", "captions settings, opens", "captions off, selected",
    "subtitles off, selected", "descriptions off, selected", "default, selected",
    "no compatible source was found", "the media could not be loaded", "stream type live",
    "captions will look like this",
    // (A comment form's input help, as the blog engines print it.)
    "allowed html tags", "no html tags allowed", "you may use these html tags",
    "lines and paragraphs break automatically", "web page addresses and e-mail addresses turn",
    "web page addresses and email addresses turn",
    // de
    "schreibe einen kommentar", "schreib einen kommentar", "kommentar schreiben",
    "kommentar verfassen", "kommentieren sie", "hinterlasse einen kommentar",
    "hinterlassen sie einen kommentar", "hinterlassen sie eine antwort",
    "hinterlasse eine antwort", "deine e-mail-adresse wird nicht veröffentlicht",
    "ihre e-mail-adresse wird nicht veröffentlicht", "benachrichtige mich",
    "benachrichtigen sie mich", "die kommentarfunktion ist", "kommentare sind geschlossen",
    "teilen sie dies mit", "teilen mit:", "diesen artikel teilen", "artikel teilen",
    "beitrag teilen", "seite teilen", "jetzt teilen", "folge uns", "folgen sie uns",
    "newsletter abonnieren", "zum newsletter anmelden", "jetzt zum newsletter anmelden",
    "jetzt newsletter abonnieren", "kostenlos zum newsletter", "jetzt abonnieren",
    "abonnieren sie", "jetzt registrieren", "sie sind nicht eingeloggt",
    "sie sind aktuell nicht eingeloggt", "sie müssen angemeldet sein", "du musst angemeldet sein",
    "zum inhalt springen", "springe zum inhalt", "direkt zum inhalt", "zurück nach oben",
    "zurück zur übersicht", "zu allen beiträgen", "auf einer seite lesen", "artikel drucken",
    "rezept drucken", "seite drucken", "bild anzeigen", "bild vergrößern", "wir verwenden cookies",
    "diese website verwendet cookies", "diese webseite verwendet cookies", "navigation schließen",
    "navigation schliessen", "navigation öffnen", "artikel gefallen?",
    "dir hat der artikel gefallen", "bewerten sie diesen", "bleiben sie auf dem laufenden",
    "immer informiert bleiben", "jetzt spenden",
    "zurück zur vorherigen seite", "zurück zur liste", "ihr warenkorb ist leer",
    "dein warenkorb ist leer", "gib deine e-mail-adresse ein", "geben sie ihre e-mail-adresse ein",
    "empfiehl dies deinen freunden",
    "teile diesen beitrag", "teile diesen artikel", "hinterlasse jetzt einen kommentar",
    "bitte geben sie ihre e-mail-adresse ein", "den artikel mit anderen teilen", "sharen mit",
    // fr
    "laisser un commentaire", "laissez un commentaire", "ajouter un commentaire",
    "écrire un commentaire", "votre adresse e-mail ne sera pas publiée",
    "votre adresse de messagerie ne sera pas publiée", "les commentaires sont fermés",
    "partager cet article", "partagez cet article", "partager sur", "suivez-nous", "suivez nous",
    "abonnez-vous", "inscrivez-vous", "recevez notre newsletter", "connectez-vous", "déjà abonné",
    "imprimer cet article", "envoyer par e-mail", "lire la suite", "ce site utilise des cookies",
    "nous utilisons des cookies", "accepter les cookies", "aller au contenu", "passer au contenu",
    "retour en haut", "signaler une erreur", "contenu sponsorisé", "je m'abonne", "je fais un don",
    "faire un don",
    "retour à la liste", "retour à la page précédente", "votre panier est vide",
    "imprimer la recette", "saisissez votre adresse e-mail",
    // es
    "deja un comentario", "dejar un comentario", "deja tu comentario", "escribe un comentario",
    "añadir comentario", "tu dirección de correo electrónico no será publicada",
    "tu correo electrónico no será publicado",
    "su dirección de correo electrónico no será publicada", "para comentar debes", "compartir en",
    "comparte esta noticia", "compartir esta noticia", "síguenos en", "siguenos en", "suscríbete",
    "suscribete", "suscríbase", "suscribite", "hazte miembro", "hazte socio", "únete a",
    "iniciar sesión", "inicia sesión", "regístrate", "enviar por correo", "seguir leyendo",
    "sigue leyendo", "continuar leyendo", "este sitio utiliza cookies",
    "este sitio web utiliza cookies", "utilizamos cookies", "usamos cookies",
    "valora esta noticia", "ir al contenido", "saltar al contenido", "volver arriba",
    "contenido patrocinado", "reportar un error",
    "volver a la lista", "volver a la página anterior", "tu carrito está vacío",
    "su carrito está vacío", "imprimir receta", "introduce tu correo electrónico",
    // it
    "lascia un commento", "scrivi un commento", "aggiungi un commento",
    "il tuo indirizzo email non sarà pubblicato", "condividi su", "condividi questo articolo",
    "seguici su", "iscriviti alla newsletter", "continua a leggere", "leggi tutto",
    "questo sito utilizza cookie", "questo sito utilizza i cookie", "utilizziamo i cookie",
    "vai al contenuto", "torna su", "contenuto sponsorizzato",
    "torna alla lista", "torna alla pagina precedente", "il tuo carrello è vuoto",
    "stampa la ricetta", "inserisci il tuo indirizzo email",
    // pt
    "deixe um comentário", "deixe seu comentário", "escreva um comentário",
    "o seu endereço de e-mail não será publicado", "seu endereço de email não será publicado",
    "siga-nos", "inscreva-se", "cadastre-se", "fazer login", "continue lendo", "continuar lendo",
    "este site usa cookies", "este site utiliza cookies", "ir para o conteúdo", "voltar ao topo",
    "voltar para a lista", "voltar à página anterior", "seu carrinho está vazio",
    "o seu carrinho está vazio", "imprimir receita",
    // nl
    "laat een reactie achter", "plaats een reactie", "je e-mailadres wordt niet gepubliceerd",
    "uw e-mailadres wordt niet gepubliceerd", "deel dit artikel", "volg ons", "schrijf je in",
    "lees verder", "deze website gebruikt cookies", "wij gebruiken cookies", "naar de inhoud",
    "terug naar de lijst", "terug naar vorige pagina", "je winkelwagen is leeg",
    "uw winkelwagen is leeg", "recept afdrukken",
    // pl
    "dodaj komentarz", "napisz komentarz", "twój adres e-mail nie zostanie opublikowany",
    "podziel się", "obserwuj nas", "zapisz się", "zaloguj się", "zarejestruj się", "czytaj więcej",
    "czytaj dalej", "ta strona używa plików cookie", "przejdź do treści",
    "powrót do listy", "twój koszyk jest pusty", "drukuj przepis",
    // ru, uk
    "ваш адрес email не будет опубликован", "ваш e-mail не будет опубликован",
    "добавить комментарий", "написать комментарий", "версия для печати", "сообщить об ошибке",
    "нашли ошибку", "этот сайт использует cookie", "мы используем cookie", "перейти к содержимому",
    "следите за нами", "підписуйтесь", "читати далі",
    "вернуться к списку", "ваша корзина пуста", "корзина пуста", "распечатать рецепт",
    // tr, sv/da/no, cs, hu, ro, fi
    "yorum yap", "yorum yaz", "bizi takip edin", "abone ol", "giriş yap", "üye ol", "devamını oku",
    "lämna en kommentar", "skriv en kommentar", "logga in", "läs mer", "læs mere", "les mer",
    "přidat komentář", "přihlásit se", "tovább olvasom", "lasă un comentariu", "abonează-te",
    "citește mai mult", "lue lisää",
    // id, vi
    "tulis komentar", "ikuti kami", "baca selengkapnya", "tinggalkan balasan",
    "tinggalkan komentar", "chia sẻ", "đăng nhập",
    // zh, ja, ko
    "分享到", "分享至", "发表评论", "我要评论", "网友评论", "责任编辑", "責任編輯", "扫一扫", "微信扫一扫", "扫描二维码", "返回顶部", "返回頂部",
    "上一篇", "下一篇", "阅读全文", "阅读原文", "查看更多", "加载更多", "免责声明", "この記事をシェア", "続きを読む", "もっと見る", "ページの先頭へ",
    "トップへ戻る", "前の記事", "次の記事", "はてなブックマーク", "공유하기", "댓글쓰기", "기사 제보", "기자 구독", "무단전재", "무단 전재",
    "请登录后", "請登入後",
];

/// Words that are a widget's label when they are the whole line, alone or with a count ("2
/// Kommentare", "Comments (3)", "Drucken", "Anzeige"): `prompt`.
#[rustfmt::skip]
pub(super) static PROMPT_ALONE: &[&str] = &[
    // en
    "menu", "search", "close", "reply", "login", "log in", "sign in", "logout", "log out",
    "register", "video", "videos", "newsletter", "newsletters", "loading", "loading...",
    "responses", "replies", "skip ad", "watch", "listen", "advertising", "advertisement",
    "story continues below", "story continues below advertisement", "article continues below",
    "article continues below advertisement", "continue reading below", "read article",
    "read full review", "read in english", "tweet",
    "copied!", "like loading...", "full screen", "fullscreen", "autoplay", "caption",
    "hide caption", "show caption", "buy photo", "view photo", "view photos", "view gallery",
    "view slideshow", "enlarge", "enlarge image", "read now", "written by", "previous post",
    "next post", "previous next", "yes no", "email address", "email (required)", "get started",
    "get started for free", "start free trial", "start your free trial", "book a demo",
    "get a demo", "request a demo", "get a quote", "thanks for signing up", "show more",
    "load more", "see more", "view more", "play video", "watch now", "watch video",
    // (A call to action's button: "Learn more", "Get tickets".)
    "learn more", "find out more", "more info", "more information", "buy tickets",
    "get tickets", "visit website", "visit site", "get the recipe", "jump to recipe", "view deal",
    "see deal", "check price", "see price",
    // (A picture's or a gallery's label printed alone: "Photo", "Image".)
    "photo", "photos", "image", "images", "picture", "gallery", "photo gallery",
    // (A table of contents' header, its entries being the article's headings.)
    "table of contents", "inhaltsverzeichnis", "sommaire", "table des matières",
    "tabla de contenidos", "índice de contenidos", "indice dei contenuti", "sumário",
    "inhoudsopgave", "spis treści", "оглавление", "содержание статьи",
    // de
    "drucken", "teilen", "teilen:", "pinnen", "merken", "kommentare", "kommentar", "antworten",
    "anzeige", "werbung", "impressum", "datenschutz", "datenschutzerklärung", "kontakt", "suche",
    "menü", "einloggen", "anmelden", "registrieren", "abmelden", "weiterlesen", "mehr lesen",
    "mehr erfahren", "zum artikel", "druckversion", "mehr", "weiter", "schließen", "schliessen",
    "mit video", "mit audio", "vollbild", "jetzt anmelden", "empfohlener redaktioneller inhalt",
    "mehr anzeigen", "mehr laden", "weitere laden",
    // fr
    "partager", "imprimer", "commentaires", "commentaire", "réagir", "réactions", "vos réactions",
    "publicité", "la suite après cette publicité", "mentions légales", "rechercher", "fermer",
    "connexion", "se connecter",
    "s'abonner", "en savoir plus", "lire plus", "plein écran", "agrandir", "afficher plus", "voir plus",
    "charger plus",
    // es
    "compartir", "comparte", "imprimir", "comentarios", "comentario", "publicidad", "anuncio",
    "aviso legal", "buscar", "cerrar", "ingresar", "registrarse", "leer más", "ver más", "valorar",
    "pantalla completa", "ampliar", "mostrar más", "cargar más", "galería", "galería de fotos",
    // it
    "condividi", "stampa", "commenti", "commento", "pubblicità", "cerca", "chiudi", "accedi",
    "registrati", "iscriviti", "abbonati", "seguici", "mostra di più", "carica altri",
    // pt
    "compartilhar", "compartilhe", "partilhar", "comentários", "comentário", "publicidade",
    "continua após a publicidade", "continua depois da publicidade",
    "anúncio", "fechar", "pesquisar", "entrar", "assine", "leia mais", "mostrar mais", "ver mais",
    "carregar mais",
    // nl
    "delen", "reacties", "reactie", "reageer", "afdrukken", "advertentie", "zoeken", "sluiten",
    "inloggen", "aanmelden", "lees meer", "toon meer", "meer laden",
    // pl
    "udostępnij", "komentarze", "drukuj", "reklama", "szukaj", "zamknij", "zaloguj", "subskrybuj",
    "pokaż więcej",
    // ru, uk
    "войти", "вход", "регистрация", "распечатать", "печать", "подписаться", "закрыть", "поиск",
    "меню", "наверх", "обсуждение", "поділитися", "коментарі", "підписатися", "увійти",
    "показать ещё", "показать еще", "загрузить ещё", "загрузить еще", "фото", "видео",
    "фотогалерея",
    // tr, sv/da/no, cs, hu, ro, fi, el
    "paylaş", "yorumlar", "yazdır", "reklam", "dela", "kommentarer", "annons", "annonce",
    "annonse", "sdílet", "komentáře", "megosztás", "hozzászólások", "hirdetés", "nyomtatás",
    "distribuie", "comentarii", "publicitate", "jaa", "kommentit", "mainos", "κοινοποίηση",
    "σχόλια", "διαφήμιση", "daha fazla göster", "vis mer", "visa mer", "vis flere", "näytä lisää",
    // id, vi
    "bagikan", "komentar", "iklan", "cetak", "bình luận", "quảng cáo",
    // zh, ja, ko
    "分享", "打印", "关闭", "關閉", "纠错", "評論", "评论", "留言", "登录", "登入", "注册", "收藏", "广告", "廣告", "订阅", "訂閱",
    "举报", "字号", "字號", "字体", "字體", "推荐", "推薦", "打印本稿", "打印本页", "打印本頁", "打印此文", "关闭窗口", "關閉窗口", "关闭本窗口", "關閉本窗口",
    "收藏本页", "刷新", "回复本贴", "跟从标题", "点击看大图", "点击查看大图", "查看原图", "分享让更多人看到", "复制链接",
    "网站地图", "联系我们", "关于我们", "网站声明", "版权声明", "友情链接", "广告服务", "设为首页", "加入收藏", "服务条款", "网站公告",
    "複製鏈接", "我要纠错", "シェア", "シェアする", "ツイート", "ツイートする", "コメント", "印刷", "印刷する", "メールで送る", "リンクをコピー", "リンクをコピーする", "広告", "ログイン", "ログインする", "新規登録", "メニュー", "検索", "閉じる", "공유", "댓글", "구독",
    "로그인", "인쇄", "광고", "스크랩",
];

/// Labels opening a photo caption or credit, before `:` or `/` ("Foto: dpa", "Imagen: Télam"),
/// or closing a caption in brackets ("(Foto: Privat)"): `caption`.
#[rustfmt::skip]
pub(super) static CAPTION_LABELS: &[&str] = &[
    "foto", "fotos", "bild", "bilder", "bildquelle", "bildnachweis", "bildrechte", "quelle",
    "fotonachweis", "titelbild",
    "beitragsbild", "imagen", "imágenes", "fotografía", "crédito", "créditos", "immagine",
    "immagini", "imagem", "fotó", "kép", "kuva", "zdjęcie", "fot.", "fotoğraf", "görsel", "foton",
    "φωτογραφία", "світлина", "图片来源", "图片", "图源", "圖片", "写真", "画像", "사진",
];

/// The English caption labels (the line rules' patterns hold them where they open a line), for
/// a credit closing a caption ("... Photo: AP").
pub(super) static CAPTION_LABELS_EN: &[&str] = &[
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "photograph",
    "illustration",
    "graphic",
    "video",
];

/// Stems of a newsletter box's offer (lowercase, found anywhere in a short line naming the
/// newsletter, inside a word too: "unsubscribe", "désabonnement", "Newsletteranmeldung"):
/// signing up, receiving, delivering, in the languages that borrowed the word "newsletter".
/// The short words of the offer are [`NEWSLETTER_WORDS`].
#[rustfmt::skip]
pub(super) static NEWSLETTER_CUES: &[&str] = &[
    // en
    // ("subscribe" and "subscription", never "subscriber": the newsletter's subscribers are a
    // story's subject, "Subscribers to the trust's newsletter counted 61 species"; see
    // `widgets::newsletter_marked`.)
    "sign up", "sign-up", "signup", "signing up", "subscribe", "subscription", "receive",
    "deliver", "enter your", "your email", "email address",
    // de
    "abonn", "anmeld", "melden sie", "melde dich", "erhalten",
    // fr
    "inscri", "recevez", "recevoir",
    // es, it, pt
    "suscr", "recib", "iscriv", "ricev", "receb", "inscrev",
    // nl, pl, cs
    "aanmeld", "meld je", "ontvang", "zapisz", "subskryb", "otrzym", "přihl", "odebír",
];

/// Short words of a newsletter box's offer, found where a word starts (inside a word they are
/// other words: "our" in "four", "get" in "budget", "assin" in "embarrassing"): joining,
/// getting, the inbox, the site's own "our" and the reader's "your".
#[rustfmt::skip]
pub(super) static NEWSLETTER_WORDS: &[&str] = &[
    // en
    "join", "get ", "inbox", "our ", "your ",
    // de, fr, es, it, pt
    "unser", "kostenlos", "jetzt", "notre", "nos ", "nuestr", "nostr", "assin", "noss",
    // nl, pl, cs
    "onze", "nasz", "náš",
];

/// Stems of the word "comment" (ASCII with an `m`, matched in any case): a comment form's or
/// policy's line names the comments.
pub(super) static COMMENT_STEMS: &[&str] =
    &["comment", "kommentar", "comentar", "komentar", "yorum"];

/// The word "comment(s)" closing a post's meta line (lowercase, whole words, unlike
/// [`COMMENT_STEMS`]), in the languages blog themes print it: `line_rules::post_meta`.
#[rustfmt::skip]
pub(super) static META_COMMENT_WORDS: &[&str] = &[
    "comment", "comments", "kommentar", "kommentare", "commentaire", "commentaires",
    "comentario", "comentarios", "commento", "commenti", "reactie", "reacties",
];

/// The link's verbs before "comment(s)" (English): "Post a Comment", "View Comments".
pub(super) static META_COMMENT_VERBS: &[&str] = &["post", "view", "leave", "add", "write", "show"];

/// Words of a comment form's sign-in prompt (lowercase, anywhere in a short line naming the
/// comments): "You must be logged in to post a comment", "Para comentar debes registrarte".
#[rustfmt::skip]
pub(super) static COMMENT_LOGIN: &[&str] = &[
    // en
    "log in", "login", "logged in", "sign in", "signed in", "create an account",
    // de
    "anmelden", "angemeldet", "eingeloggt", "einloggen", "registrier",
    // fr, es, it, pt
    "connecté", "connectez", "identifiez", "registrarte", "regístrate", "ingresar",
    "iniciar sesión", "inicia sesión", "accedi", "registrati", "faça login", "entre com",
    // nl, pl, cs, tr
    "inloggen", "ingelogd", "zaloguj", "přihlaš", "přihlás", "giriş yap",
];

/// Words of a comment policy (lowercase): moderation, publication, the rules readers are asked
/// to keep. They count with a word of the site's voice ([`SITE_VOICE`]): "Comments are subject to
/// our community guidelines", "Bitte beachten Sie unsere Netiquette".
#[rustfmt::skip]
pub(super) static COMMENT_POLICY: &[&str] = &[
    "moderat", "guidelines", "not be published", "netiquette", "akismet", "spam", "richtlinien",
    "nicht veröffentlicht", "ne sera pas publi", "no será publicad", "não será publicad",
    "respetuos", "respectueu", "rispettos", "reglas", "règles", "regeln",
];

/// Words of the site speaking to its readers (lowercase, whole words): "our", "we", "please",
/// "you", in the common languages of the web.
#[rustfmt::skip]
pub(super) static SITE_VOICE: &[&str] = &[
    "our", "we", "please", "you", "your", "du", "dich", "dein", "tu", "tus", "unsere", "unserer", "unseren", "wir", "bitte", "sie",
    "ihr", "notre", "nos", "nous", "vous", "votre", "nuestra", "nuestro", "nuestras",
    "nuestros", "pedimos", "le", "les", "usted", "nostra", "nostro", "vi", "nossa", "nosso",
    "onze", "wij", "u", "nasz", "nasza", "prosimy",
];

/// Labels opening a tag or category line ("Schlagwörter:", "Etiquetas:", "Tagged:"): `tags`.
#[rustfmt::skip]
pub(super) static TAG_LABELS: &[&str] = &[
    "tags", "tagged", "tagged with", "posted in", "this entry was posted in", "filed under",
    "categories", "categorized as", "abgelegt unter", "archivado en", "classé dans", "geplaatst in",
    "pubblicato in", "schlagwörter", "getaggt mit",
    "schlagworte", "stichwörter", "stichworte", "kategorie", "kategorien", "themen", "thema",
    "veröffentlicht in", "dieser eintrag wurde veröffentlicht in", "étiquettes", "mots-clés",
    "mots clés", "catégorie", "catégories", "publié dans", "etiquetas", "etiqueta", "categoría",
    "categorías", "temas", "publicado en", "parole chiave", "argomenti", "categoria", "categorie",
    "tag", "palavras-chave", "categorias", "trefwoorden", "tagi", "tagy", "címkék", "etichete",
    "avainsanat", "etiketler", "标签", "標籤", "关键词", "關鍵詞", "タグ", "キーワード", "태그", "키워드",
];

/// [`TAG_LABELS`] that head a tag line with neither a colon nor a comma list ("Tags Riverton
/// Harbour Ferries"). "Topics" is left out: it heads related lists too, whose pass needs the
/// header unclaimed (measured: a shopping guide's 24 teaser lines stayed when a tag line took
/// it); other languages' one-word labels are words of headings too ("Tag der offenen Tür").
pub(super) static BARE_TAG_LABELS: &[&str] = &["tags", "categories"];

/// Labels opening a publication or update date ("Veröffentlicht am 16.08.2019", "Mis à jour
/// le"): `timestamp` when a number or nothing follows.
#[rustfmt::skip]
pub(super) static DATE_LABELS: &[&str] = &[
    "posted on", "published on", "last updated", "last modified", "veröffentlicht am",
    "aktualisiert am", "zuletzt aktualisiert", "erstellt am", "stand:", "publié le",
    "mis à jour le", "publicado el", "actualizado el", "publicado em", "atualizado em",
    "pubblicato il", "aggiornato il", "ultima modifica", "gepubliceerd op", "bijgewerkt op",
    "opublikowano", "zaktualizowano", "опубликовано", "обновлено", "发布时间", "更新时间", "发布日期", "公開日",
    "更新日", "yayınlanma", "güncelleme",
];

/// Reserved-rights phrases anywhere in a short line ("Alle Rechte vorbehalten"), and the
/// registration notices a Chinese site's footer must show ("京ICP备12345678号"): `copyright`.
#[rustfmt::skip]
pub(super) static RIGHTS_PHRASES: &[&str] = &[
    "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone", "všechna práva vyhrazena", "minden jog fenntartva",
    "tüm hakları saklıdır", "toate drepturile rezervate", "kaikki oikeudet pidätetään",
    "alle rettigheder forbeholdes", "alla rättigheter förbehållna", "всі права захищені",
    "جميع الحقوق محفوظة", "版权所有", "版權所有", "無断転載", "무단전재 및 재배포 금지",
    // (A Chinese site's licence and police registration numbers, its government site code.)
    "icp备", "icp證", "icp证", "公网安备", "公網安備", "网站标识码", "網站標識碼",
];

/// Items of a site's navigation, whole (lowercase, sorted by bytes): a run holding one is a menu,
/// however it is written ("Get in touch", "Start free"). English, and the home, contact, about,
/// legal, sign-in, search, help and account items of German, French, Spanish, Italian,
/// Portuguese, Dutch, Polish, Russian, Czech and Turkish sites ("Startseite", "Mentions
/// légales", "Iniciar sesión", "Главная").
pub(super) static NAV_ITEMS: &[&str] = &[
    "about",
    "about us",
    "accedi",
    "account",
    "accueil",
    "agb",
    "aide",
    "ajuda",
    "ana sayfa",
    "anasayfa",
    "anmelden",
    "aviso legal",
    "ayuda",
    "blog",
    "buscar",
    "careers",
    "carrières",
    "chi siamo",
    "company",
    "connexion",
    "console",
    "contact",
    "contact us",
    "contactez-nous",
    "contacto",
    "contato",
    "contatti",
    "contáctenos",
    "customers",
    "datenschutz",
    "datenschutzerklärung",
    "docs",
    "documentation",
    "einloggen",
    "entrar",
    "faq",
    "get a demo",
    "get in touch",
    "get started",
    "giriş yap",
    "hakkımızda",
    "help",
    "hilfe",
    "hledat",
    "home",
    "il mio account",
    "iletişim",
    "impressum",
    "iniciar sesión",
    "inicio",
    "inloggen",
    "início",
    "karriere",
    "kontakt",
    "kontakty",
    "log in",
    "login",
    "mein konto",
    "mentions légales",
    "menu",
    "mi cuenta",
    "mijn account",
    "minha conta",
    "moje konto",
    "mon compte",
    "my account",
    "newsletter",
    "note legali",
    "nápověda",
    "o nas",
    "o nás",
    "over ons",
    "partners",
    "pesquisar",
    "platform",
    "politique de confidentialité",
    "polityka prywatności",
    "política de privacidad",
    "política de privacidade",
    "pomoc",
    "press",
    "pricing",
    "privacy policy",
    "privacybeleid",
    "products",
    "přihlásit",
    "quem somos",
    "quiénes somos",
    "recherche",
    "rechercher",
    "registrarse",
    "registrieren",
    "request a demo",
    "resources",
    "se connecter",
    "search",
    "sign in",
    "sign up",
    "sobre nosotros",
    "sobre nós",
    "solutions",
    "start free",
    "startseite",
    "strona główna",
    "suche",
    "support",
    "szukaj",
    "terms of use",
    "yardım",
    "zaloguj",
    "zoeken",
    "à propos",
    "über uns",
    "войти",
    "главная",
    "контакты",
    "личный кабинет",
    "о нас",
    "поиск",
    "политика конфиденциальности",
    "помощь",
];

/// Labels of a review's list of strengths (lowercase, sorted by bytes; English, German, French,
/// Spanish, Italian, Portuguese, Dutch, Polish, Russian, Czech, Turkish): with a label of
/// [`CONS`] in one run of short items, the article's own lists (`article_lists`).
pub(super) static PROS: &[&str] = &[
    "advantages",
    "artıları",
    "avantages",
    "avantajlar",
    "pluspunten",
    "plusy",
    "points forts",
    "pro",
    "pros",
    "prós",
    "the good",
    "vantagens",
    "vantaggi",
    "ventajas",
    "voordelen",
    "vorteile",
    "výhody",
    "what we like",
    "zalety",
    "плюсы",
    "преимущества",
];

/// Labels of a review's list of weaknesses, as [`PROS`].
pub(super) static CONS: &[&str] = &[
    "cons",
    "contras",
    "contro",
    "desvantagens",
    "desventajas",
    "dezavantajlar",
    "disadvantages",
    "eksileri",
    "inconvénients",
    "minpunten",
    "minusy",
    "nachteile",
    "nadelen",
    "nevýhody",
    "points faibles",
    "svantaggi",
    "the bad",
    "wady",
    "what we don't like",
    "what we don’t like",
    "минусы",
    "недостатки",
];

/// A review's heading over both lists, as [`PROS`].
pub(super) static PROS_AND_CONS: &[&str] = &[
    "pros and cons",
    "pros cons",
    "pros und contras",
    "pros y contras",
    "vor und nachteile",
    "vorteile und nachteile",
    "плюсы и минусы",
];
