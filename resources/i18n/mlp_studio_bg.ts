<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bg_BG">
<context>
    <name></name>
    <message>
        <source>The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and Christopher J.&amp;nbsp;C. Burges. It is used under the Creative Commons &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/3.0/&quot;&gt;Attribution-Share Alike 3.0 licence (CC&amp;nbsp;BY-SA&amp;nbsp;3.0)&lt;/a&gt;; the copy bundled with MLP Studio is unchanged.</source>
        <translation>Базата данни MNIST с ръкописни цифри е създадена от Yann LeCun, Corinna Cortes и Christopher J.&amp;nbsp;C. Burges. Използва се по &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/3.0/&quot;&gt;лиценза Creative Commons „Признание — Споделяне на споделеното“ 3.0 (CC&amp;nbsp;BY-SA&amp;nbsp;3.0)&lt;/a&gt;; копието, приложено към MLP Studio, е непроменено.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>Build a multi-layer perceptron by clicking, train it live and watch backpropagation learn: on 2D points in the playground, on handwritten digits in the MNIST lab.</source>
        <translation>Сглобете многослоен перцептрон с няколко щраквания, обучете го на живо и вижте как учи обратното разпространение: върху точки в равнината в площадката и върху ръкописни цифри в лабораторията MNIST.</translation>
    </message>
    <message>
        <source>MLP Studio itself is free software under the MIT licence.</source>
        <translation>Самото MLP Studio е свободен софтуер с лиценз MIT.</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>За %1</translation>
    </message>
    <message>
        <source>A &lt;b&gt;multi-layer perceptron&lt;/b&gt; (MLP) learns a function f from examples: points X with labels Y. It is a chain of layers z = Wx + b, each followed by a non-linear &lt;b&gt;activation&lt;/b&gt; α (tanh, ReLU, sigmoid…). Without the activations, any stack of layers would still draw only a straight line; with them, the network can bend its decision boundary around circles, spirals and digits.</source>
        <translation>&lt;b&gt;Многослойният перцептрон&lt;/b&gt; (MLP) научава функция f от примери: точки X с етикети Y. Той е верига от слоеве z = Wx + b, всеки последван от нелинейна &lt;b&gt;активационна функция&lt;/b&gt; α (tanh, ReLU, sigmoid…). Без активационните функции колкото и слоеве да наредим, мрежата пак би чертала само права линия; с тях тя може да огъне границата на решение около кръгове, спирали и цифри.</translation>
    </message>
    <message>
        <source>What training does</source>
        <translation>Какво прави обучението</translation>
    </message>
    <message>
        <source>The &lt;b&gt;loss&lt;/b&gt; L measures how wrong the network is: cross-entropy for classes, squared or absolute error for numbers. Accuracy is the share of right answers (1 − the 0-1 loss).</source>
        <translation>&lt;b&gt;Функцията на загубите&lt;/b&gt; L мери колко греши мрежата: кръстосана ентропия за класове, квадратична или абсолютна грешка за числа. Точността е делът на верните отговори (1 − 0-1 загубата).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient descent&lt;/b&gt; changes every weight a little against its gradient: W ← W − η ∂L/∂W, with the &lt;b&gt;learning rate&lt;/b&gt; η. Too small learns slowly; too large jumps past the minimum or diverges (the loss becomes NaN — MLP Studio stops, keeps the last good weights and suggests a lower rate).</source>
        <translation>&lt;b&gt;Градиентният спуск&lt;/b&gt; променя всяко тегло малко срещу неговия градиент: W ← W − η ∂L/∂W, където η е &lt;b&gt;скоростта на обучение&lt;/b&gt;. Твърде малка — мрежата учи бавно; твърде голяма — прескача минимума или обучението се разпада (загубата става NaN — MLP Studio спира, пази последните добри тегла и предлага по-малка скорост).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stochastic&lt;/b&gt; gradient descent uses a small random &lt;b&gt;minibatch&lt;/b&gt; of points per step instead of the whole data set: many cheap, noisy steps. An &lt;b&gt;epoch&lt;/b&gt; is one pass over all points.</source>
        <translation>&lt;b&gt;Стохастичният&lt;/b&gt; градиентен спуск използва на всяка стъпка малък случаен &lt;b&gt;минибатч&lt;/b&gt; от точки вместо целия набор от данни: много евтини, шумни стъпки. Една &lt;b&gt;епоха&lt;/b&gt; е едно преминаване през всички точки.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backpropagation&lt;/b&gt; computes all these gradients with the chain rule, walking backwards from the loss through the layers, reusing what it computed for the layer above.</source>
        <translation>&lt;b&gt;Обратното разпространение&lt;/b&gt; изчислява всички тези градиенти с правилото за диференциране на съставни функции, като върви назад от загубата през слоевете и преизползва изчисленото за по-горния слой.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overfitting&lt;/b&gt;: the training loss keeps falling while the validation/test loss rises — the network memorises the training points. Fewer neurons, more data, L2 (weight decay) or dropout help.</source>
        <translation>&lt;b&gt;Преобучение&lt;/b&gt;: загубата на тренировъчния набор продължава да пада, докато тази на валидационния/тестовия расте — мрежата запомня тренировъчните точки наизуст. Помагат по-малко неврони, повече данни, L2 (намаляване на теглата) или dropout.</translation>
    </message>
    <message>
        <source>The two modes</source>
        <translation>Двата режима</translation>
    </message>
    <message>
        <source>&lt;b&gt;2D playground&lt;/b&gt;: pick a preset (circle, XOR, spiral…; Generate draws a fresh sample), or pick a class and click on the plane to add points (Erase removes them). Choose the input features, add hidden layers and neurons, pick the activation, learning rate and batch size, then press Train (Space) and watch the decision map, every neuron&apos;s picture and the loss curves change. Hover over a neuron to see what it has learned.</source>
        <translation>&lt;b&gt;2D площадка&lt;/b&gt;: изберете готов пример (кръг, XOR, спирала…; „Генерирай“ тегли нова извадка) или изберете клас и щракайте в равнината, за да добавяте точки („Изтрий“ ги маха). Изберете входните характеристики, добавете скрити слоеве и неврони, задайте активационната функция, скоростта на обучение и размера на минибатча, после натиснете „Обучи“ (Интервал) и гледайте как се менят картата на решенията, картината на всеки неврон и кривите на загубите. Задръжте мишката над неврон, за да видите какво е научил.</translation>
    </message>
    <message>
        <source>&lt;b&gt;MNIST lab&lt;/b&gt;: train 1-, 2- and 3-layer networks on 60,000 handwritten digits, compare training and test accuracy, look at the confusion matrix and the digits it gets wrong (click one to see every class&apos;s probability, and open it in Draw), and draw your own digits for the network to read.</source>
        <translation>&lt;b&gt;Лаборатория MNIST&lt;/b&gt;: обучавайте мрежи с 1, 2 и 3 слоя върху 60 000 ръкописни цифри, сравнявайте точността на тренировъчния и тестовия набор, разгледайте матрицата на объркванията и цифрите, които мрежата бърка (щракнете върху някоя, за да видите вероятността на всеки клас, и я отворете в „Рисуване“), и рисувайте свои цифри, които мрежата да разпознае.</translation>
    </message>
    <message>
        <source>Presets: &lt;i&gt;standard&lt;/i&gt; (~98.2%), &lt;i&gt;accurate&lt;/i&gt; (~98.5%, about half a minute), &lt;i&gt;robust&lt;/i&gt; (trained on &lt;b&gt;augmented&lt;/b&gt; images — each training image rotated, slanted, shifted, thickened or bent anew every epoch; the shipped model), &lt;i&gt;quick&lt;/i&gt; and &lt;i&gt;tiny&lt;/i&gt;. &lt;i&gt;Augment images&lt;/i&gt; turns augmentation on or off and &lt;i&gt;Show samples…&lt;/i&gt; shows what it does.</source>
        <translation>Готови настройки: &lt;i&gt;стандартна&lt;/i&gt; (~98,2%), &lt;i&gt;точна&lt;/i&gt; (~98,5%, около половин минута), &lt;i&gt;устойчива&lt;/i&gt; (обучена върху &lt;b&gt;аугментирани&lt;/b&gt; изображения — всяко тренировъчно изображение наново завъртяно, наклонено, отместено, удебелено или изкривено във всяка епоха; моделът, който идва с приложението), &lt;i&gt;бърза&lt;/i&gt; и &lt;i&gt;мъничка&lt;/i&gt;. &lt;i&gt;Аугментирай изображенията&lt;/i&gt; включва или изключва аугментацията, а &lt;i&gt;Покажи примери…&lt;/i&gt; показва какво прави тя.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Single keys do not reach a text or number field while you type in it.</source>
        <translation>Единичните клавиши не задействат команди, докато пишете в текстово или числово поле.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлове</translation>
    </message>
    <message>
        <source>A &lt;b&gt;project&lt;/b&gt; (.mlpproj) keeps everything: points, network, settings, trained weights and the loss history. MLP Studio autosaves your work every half minute to a recovery file; if it ever closes unexpectedly, the next start offers it back.</source>
        <translation>&lt;b&gt;Проектът&lt;/b&gt; (.mlpproj) пази всичко: точки, мрежа, настройки, обучени тегла и историята на загубите. MLP Studio записва работата ви автоматично на всеки половин минута във файл за възстановяване; ако приложението се затвори неочаквано, при следващото стартиране ще ви я предложи обратно.</translation>
    </message>
    <message>
        <source>You can also export points as CSV, plots as PNG, the trained model, or the network as a small NumPy script you can run anywhere.</source>
        <translation>Можете също да експортирате точките като CSV, графиките като PNG, обучения модел или мрежата като малък NumPy скрипт, който се изпълнява навсякъде.</translation>
    </message>
    <message>
        <source>Hover over any control to see what it does to learning.</source>
        <translation>Задръжте мишката над всяка контрола, за да видите как влияе на обучението.</translation>
    </message>
    <message>
        <source>%1 Help</source>
        <translation>Помощ за %1</translation>
    </message>
    <message>
        <source>choose class %1–%2 for new points</source>
        <translation>избор на клас %1–%2 за новите точки</translation>
    </message>
    <message>
        <source>shortcut</source>
        <translation>клавишна комбинация</translation>
    </message>
    <message>
        <source>2D classification</source>
        <translation>2D класификация</translation>
    </message>
    <message>
        <source>2D regression</source>
        <translation>2D регресия</translation>
    </message>
    <message>
        <source>1D curve</source>
        <translation>1D крива</translation>
    </message>
    <message>
        <source>Image classification</source>
        <translation>Класификация на изображения</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точност</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>линейна</translation>
    </message>
    <message>
        <source>SiLU (swish)</source>
        <translation>SiLU (swish)</translation>
    </message>
    <message>
        <source>ReLU: max(0, z). Fast to train; a unit whose input stays negative stops learning (&apos;dead&apos;).</source>
        <translation>ReLU: max(0, z). Обучава се бързо; неврон, чийто вход остава отрицателен, спира да се учи („мъртъв“).</translation>
    </message>
    <message>
        <source>Leaky ReLU: z for z &gt; 0, 0.01·z otherwise, so no unit ever stops learning completely.</source>
        <translation>Leaky ReLU: z при z &gt; 0, иначе 0,01·z, така че никой неврон не спира да се учи напълно.</translation>
    </message>
    <message>
        <source>tanh: smooth S-curve from −1 to 1. Saturates for large |z|, where its gradient nearly vanishes.</source>
        <translation>tanh: гладка S-крива от −1 до 1. Насища се при голямо |z|, където градиентът ѝ почти изчезва.</translation>
    </message>
    <message>
        <source>sigmoid: smooth S-curve from 0 to 1. Saturates easily, so deep sigmoid nets learn slowly.</source>
        <translation>sigmoid: гладка S-крива от 0 до 1. Насища се лесно, затова дълбоки мрежи със sigmoid се учат бавно.</translation>
    </message>
    <message>
        <source>linear: no non-linearity. Stacked linear layers are still one linear map — they can only draw straight boundaries.</source>
        <translation>линейна: без нелинейност. Няколко линейни слоя един след друг са пак едно линейно изображение — могат да чертаят само прави граници.</translation>
    </message>
    <message>
        <source>SiLU (swish): z·sigmoid(z). Smooth, unbounded above like ReLU, dipping a little below 0 for negative z.</source>
        <translation>SiLU (swish): z·sigmoid(z). Гладка, неограничена отгоре като ReLU, леко под 0 при отрицателно z.</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>кръстосана ентропия</translation>
    </message>
    <message>
        <source>logistic</source>
        <translation>логистична</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>квадратична грешка</translation>
    </message>
    <message>
        <source>absolute error</source>
        <translation>абсолютна грешка</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Стандартна</translation>
    </message>
    <message>
        <source>Accurate</source>
        <translation>Точна</translation>
    </message>
    <message>
        <source>Robust</source>
        <translation>Устойчива</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>Бърза</translation>
    </message>
    <message>
        <source>Tiny</source>
        <translation>Мъничка</translation>
    </message>
    <message>
        <source>784-256-128-10 ReLU, dropout 0.2, Adam 0.001, batch 128, 10 epochs: about 98.2% test accuracy in about 7 s.</source>
        <translation>784-256-128-10 ReLU, dropout 0,2, Adam 0,001, минибатч 128, 10 епохи: около 98,2% точност на тестовия набор за около 7 s.</translation>
    </message>
    <message>
        <source>784-512-256-10 ReLU, dropout 0.3, Adam 0.002 (×0.75 per epoch), batch 128, 12 epochs: about 98.5% test accuracy in about 30 s.</source>
        <translation>784-512-256-10 ReLU, dropout 0,3, Adam 0,002 (×0,75 на епоха), минибатч 128, 12 епохи: около 98,5% точност на тестовия набор за около 30 s.</translation>
    </message>
    <message>
        <source>784-512-256-10 ReLU, dropout 0.1, Adam 0.001 (×0.95 per epoch), batch 128, 60 epochs on training images changed anew every epoch (rotation, scale, slant, shift, stroke width, elastic distortion; engine/augment.py). The shipped model is this recipe trained on the training images plus one copy of each redrawn with another pen (resources/models/train_other_pens.py).</source>
        <translation>784-512-256-10 ReLU, dropout 0,1, Adam 0,001 (×0,95 на епоха), минибатч 128, 60 епохи върху тренировъчни изображения, променяни наново всяка епоха (завъртане, мащаб, наклон, отместване, дебелина на линията, еластично изкривяване; engine/augment.py). Моделът, който идва с приложението, е обучен по тази рецепта върху тренировъчните изображения и по още едно копие на всяко, пренаписано с друга писалка (resources/models/train_other_pens.py).</translation>
    </message>
    <message>
        <source>784-128-10 ReLU, Adam 0.001, batch 128, 2 epochs: about 96% in about a second.</source>
        <translation>784-128-10 ReLU, Adam 0,001, минибатч 128, 2 епохи: около 96% за около секунда.</translation>
    </message>
    <message>
        <source>784-32-10 ReLU, Adam 0.001, batch 128, 1 epoch: about 92%, almost instant.</source>
        <translation>784-32-10 ReLU, Adam 0,001, минибатч 128, 1 епоха: около 92%, почти мигновено.</translation>
    </message>
    <message>
        <source>Training diverged: the loss became infinite or not a number.</source>
        <translation>Обучението дивергира: загубата стана безкрайна или не е число.</translation>
    </message>
    <message>
        <source>Lower the learning rate (try ten times smaller) and reset the weights.</source>
        <translation>Намалете скоростта на обучение (опитайте десет пъти по-малка) и нулирайте теглата.</translation>
    </message>
    <message>
        <source>The learning rate looks too high: the loss is worse than a network that only guesses.</source>
        <translation>Скоростта на обучение изглежда твърде висока: загубата е по-лоша от тази на мрежа, която само гадае.</translation>
    </message>
    <message>
        <source>The learning rate looks too high: the loss is rising or jumping up and down.</source>
        <translation>Скоростта на обучение изглежда твърде висока: загубата расте или скача нагоре-надолу.</translation>
    </message>
    <message>
        <source>Lower the learning rate (try a third or a tenth of it), then press Reset.</source>
        <translation>Намалете скоростта на обучение (опитайте една трета или една десета от нея), после натиснете „Нулиране“.</translation>
    </message>
    <message>
        <source>Lower the learning rate and press Reset, or use LeakyReLU or tanh.</source>
        <translation>Намалете скоростта на обучение и натиснете „Нулиране“ или използвайте LeakyReLU или tanh.</translation>
    </message>
    <message>
        <source>Lower the learning rate and press Reset (or use ReLU).</source>
        <translation>Намалете скоростта на обучение и натиснете „Нулиране“ (или използвайте ReLU).</translation>
    </message>
    <message>
        <source>Try a larger learning rate or Adam, more neurons or layers, or other input features.</source>
        <translation>Опитайте по-голяма скорост на обучение или Adam, повече неврони или слоеве, или други входни характеристики.</translation>
    </message>
    <message>
        <source>Stop here, or use fewer neurons, L2 or dropout, or more training points.</source>
        <translation>Спрете тук или използвайте по-малко неврони, L2 или dropout, или повече тренировъчни точки.</translation>
    </message>
    <message>
        <source>There are no training points: add some points (or lower the test share).</source>
        <translation>Няма тренировъчни точки: добавете точки (или намалете дела на тестовия набор).</translation>
    </message>
    <message>
        <source>This model has no Linear layer: the playground cannot show it.</source>
        <translation>Този модел няма линеен (Linear) слой: площадката не може да го покаже.</translation>
    </message>
    <message>
        <source>This model&apos;s first layer does not match its features.</source>
        <translation>Първият слой на този модел не съответства на входните му характеристики.</translation>
    </message>
    <message>
        <source>The playground cannot rebuild this network&apos;s layers.</source>
        <translation>Площадката не може да възстанови слоевете на тази мрежа.</translation>
    </message>
    <message>
        <source>The training points have only one class: add points of another class (the network has nothing to tell apart).</source>
        <translation>Тренировъчните точки са само от един клас: добавете точки от друг клас (мрежата няма какво да различава).</translation>
    </message>
    <message>
        <source>Regression needs at least two training points.</source>
        <translation>Регресията изисква поне две тренировъчни точки.</translation>
    </message>
    <message>
        <source>This is a classifier of one input; the playground classifies points of the plane (two inputs).</source>
        <translation>Това е класификатор с един вход; площадката класифицира точки в равнината (два входа).</translation>
    </message>
    <message>
        <source>This model&apos;s weights are not finite numbers.</source>
        <translation>Теглата на този модел не са крайни числа.</translation>
    </message>
    <message>
        <source>select at least one input feature</source>
        <translation>изберете поне една входна характеристика</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>цяло число</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>The picture is blank: no ink was found. Draw a digit, or load a picture of a digit written in a colour that differs from its background.</source>
        <translation>Картинката е празна: не е намерено мастило. Нарисувайте цифра или заредете картинка на цифра в цвят, различен от фона ѝ.</translation>
    </message>
    <message>
        <source>The picture is blank: no ink was found.</source>
        <translation>Картинката е празна: не е намерено мастило.</translation>
    </message>
    <message>
        <source>cannot save the project: the state is nested too deeply</source>
        <translation>проектът не може да се запише: състоянието е вложено твърде дълбоко</translation>
    </message>
    <message>
        <source>the project data is damaged (bad dict marker)</source>
        <translation>данните на проекта са повредени (лош маркер на речник)</translation>
    </message>
    <message>
        <source>the project data is damaged (bad tuple marker)</source>
        <translation>данните на проекта са повредени (лош маркер на кортеж)</translation>
    </message>
    <message>
        <source>x1,x2,label or x1,x2,target or x,target</source>
        <translation>x1,x2,label или x1,x2,target или x,target</translation>
    </message>
    <message>
        <source>%1 of %2 ReLU neurons in hidden layer %3 are dead: they output 0 on every training point, so no gradient reaches their weights.</source>
        <translation>%1 от %2 ReLU неврона в скрит слой %3 са мъртви: дават 0 за всяка тренировъчна точка, затова до теглата им не стига градиент.</translation>
    </message>
    <message>
        <source>%1 of %2 tanh neurons in hidden layer %3 are saturated: |z| is so large that α′(z) ≈ 0 and their weights barely learn.</source>
        <translation>%1 от %2 tanh неврона в скрит слой %3 са наситени: |z| е толкова голямо, че α′(z) ≈ 0 и теглата им почти не се учат.</translation>
    </message>
    <message>
        <source>%1 of %2 sigmoid neurons in hidden layer %3 are saturated: |z| is so large that α′(z) ≈ 0 and their weights barely learn.</source>
        <translation>%1 от %2 sigmoid неврона в скрит слой %3 са наситени: |z| е толкова голямо, че α′(z) ≈ 0 и теглата им почти не се учат.</translation>
    </message>
    <message>
        <source>Training has stalled: the loss has hardly changed over the last %1 epochs.</source>
        <translation>Обучението е застинало: загубата почти не се е променила през последните %1 епохи.</translation>
    </message>
    <message>
        <source>The network is overfitting: test loss %1 is rising while the training loss falls.</source>
        <translation>Мрежата се преобучава: загубата на тестовия набор %1 расте, докато тренировъчната загуба пада.</translation>
    </message>
    <message>
        <source>The network is overfitting: test loss %1 is %2× the training loss %3.</source>
        <translation>Мрежата се преобучава: загубата на тестовия набор %1 е %2× тренировъчната загуба %3.</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, step %2: the loss became %3. The learning rate (%4) is probably too high — try a smaller one. The weights this run started from were kept.</source>
        <translation>Обучението дивергира на епоха %1, стъпка %2: загубата стана %3. Скоростта на обучение (%4) вероятно е твърде висока — опитайте по-малка. Запазени са теглата, от които започна това обучение.</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, step %2: the loss became %3. The learning rate (%4) is probably too high — try a smaller one. The last good weights (from step %5) were kept.</source>
        <translation>Обучението дивергира на епоха %1, стъпка %2: загубата стана %3. Скоростта на обучение (%4) вероятно е твърде висока — опитайте по-малка. Запазени са последните добри тегла (от стъпка %5).</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, step %2: the epoch&apos;s training loss became %3. The learning rate (%4) is probably too high — try a smaller one. The weights this run started from were kept.</source>
        <translation>Обучението дивергира на епоха %1, стъпка %2: тренировъчната загуба за епохата стана %3. Скоростта на обучение (%4) вероятно е твърде висока — опитайте по-малка. Запазени са теглата, от които започна това обучение.</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, step %2: the epoch&apos;s training loss became %3. The learning rate (%4) is probably too high — try a smaller one. The last good weights (from step %5) were kept.</source>
        <translation>Обучението дивергира на епоха %1, стъпка %2: тренировъчната загуба за епохата стана %3. Скоростта на обучение (%4) вероятно е твърде висока — опитайте по-малка. Запазени са последните добри тегла (от стъпка %5).</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, step %2: the validation loss became %3. The learning rate (%4) is probably too high — try a smaller one. The weights this run started from were kept.</source>
        <translation>Обучението дивергира на епоха %1, стъпка %2: загубата на валидационния набор стана %3. Скоростта на обучение (%4) вероятно е твърде висока — опитайте по-малка. Запазени са теглата, от които започна това обучение.</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1, step %2: the validation loss became %3. The learning rate (%4) is probably too high — try a smaller one. The last good weights (from step %5) were kept.</source>
        <translation>Обучението дивергира на епоха %1, стъпка %2: загубата на валидационния набор стана %3. Скоростта на обучение (%4) вероятно е твърде висока — опитайте по-малка. Запазени са последните добри тегла (от стъпка %5).</translation>
    </message>
    <message>
        <source>The training set is empty or not a table of points (shape %1).</source>
        <translation>Тренировъчният набор е празен или не е таблица от точки (форма %1).</translation>
    </message>
    <message>
        <source>The training set has %1 inputs but %2 targets.</source>
        <translation>Тренировъчният набор има %1 входа, но %2 целеви стойности.</translation>
    </message>
    <message>
        <source>The training inputs contain NaN or infinite values.</source>
        <translation>Тренировъчните входове съдържат NaN или безкрайни стойности.</translation>
    </message>
    <message>
        <source>The training inputs have %1 columns, but the network&apos;s first layer takes %2 inputs.</source>
        <translation>Тренировъчните входове имат %1 колони, а първият слой на мрежата приема %2 входа.</translation>
    </message>
    <message>
        <source>The training labels must be whole numbers.</source>
        <translation>Тренировъчните етикети трябва да са цели числа.</translation>
    </message>
    <message>
        <source>The training labels run from %1 to %2, but the network has outputs for classes 0 to %3.</source>
        <translation>Тренировъчните етикети са от %1 до %2, а мрежата има изходи за класове от 0 до %3.</translation>
    </message>
    <message>
        <source>The training targets contain NaN or infinite values.</source>
        <translation>Тренировъчните целеви стойности съдържат NaN или безкрайни стойности.</translation>
    </message>
    <message>
        <source>The validation set is empty or not a table of points (shape %1).</source>
        <translation>Валидационният набор е празен или не е таблица от точки (форма %1).</translation>
    </message>
    <message>
        <source>The validation set has %1 inputs but %2 targets.</source>
        <translation>Валидационният набор има %1 входа, но %2 целеви стойности.</translation>
    </message>
    <message>
        <source>The validation inputs contain NaN or infinite values.</source>
        <translation>Валидационните входове съдържат NaN или безкрайни стойности.</translation>
    </message>
    <message>
        <source>The validation inputs have %1 columns, but the network&apos;s first layer takes %2 inputs.</source>
        <translation>Валидационните входове имат %1 колони, а първият слой на мрежата приема %2 входа.</translation>
    </message>
    <message>
        <source>The validation labels must be whole numbers.</source>
        <translation>Валидационните етикети трябва да са цели числа.</translation>
    </message>
    <message>
        <source>The validation labels run from %1 to %2, but the network has outputs for classes 0 to %3.</source>
        <translation>Валидационните етикети са от %1 до %2, а мрежата има изходи за класове от 0 до %3.</translation>
    </message>
    <message>
        <source>The validation targets contain NaN or infinite values.</source>
        <translation>Валидационните целеви стойности съдържат NaN или безкрайни стойности.</translation>
    </message>
    <message>
        <source>%1: missing file for %2: looked for %3, %4.gz, %5[.gz] or a name ending in one of these</source>
        <translation>%1: липсва файл за %2: търсени бяха %3, %4.gz, %5[.gz] или име, завършващо на някое от тях</translation>
    </message>
    <message>
        <source>%1: missing file for %2: looked for %3, %4.gz, %5[.gz] or a name ending in one of these (test files may also be named test-… instead of t10k-…)</source>
        <translation>%1: липсва файл за %2: търсени бяха %3, %4.gz, %5[.gz] или име, завършващо на някое от тях (тестовите файлове може да се казват и test-… вместо t10k-…)</translation>
    </message>
    <message>
        <source>%1: project format version %2 is not supported (this MLP Studio reads version %3).</source>
        <translation>%1: версия %2 на формата на проекта не се поддържа (това MLP Studio чете версия %3).</translation>
    </message>
    <message>
        <source>%1: project format version %2 is not supported (this MLP Studio reads version %3; the file was written by a newer MLP Studio).</source>
        <translation>%1: версия %2 на формата на проекта не се поддържа (това MLP Studio чете версия %3; файлът е записан от по-ново MLP Studio).</translation>
    </message>
    <message>
        <source>x in [%1, %2] and targets in [%3, %4]</source>
        <translation>x в [%1, %2] и целеви стойности в [%3, %4]</translation>
    </message>
    <message>
        <source>x1 and x2 in [%1, %2]</source>
        <translation>x1 и x2 в [%1, %2]</translation>
    </message>
    <message>
        <source>%1 hidden layers; the builder shows at most %2</source>
        <translation>%1 скрити слоя; конструкторът показва най-много %2</translation>
    </message>
    <message>
        <source>This model uses input features %1 the playground does not offer (it offers %2).</source>
        <translation>Този модел използва входни характеристики %1, които площадката не предлага (тя предлага %2).</translation>
    </message>
    <message>
        <source>The curve task offers the features %1, not %2.</source>
        <translation>Задачата с кривата предлага характеристиките %1, а не %2.</translation>
    </message>
    <message>
        <source>This model has %1 outputs; the playground&apos;s %2 network needs %3.</source>
        <translation>Този модел има %1 изхода; мрежата на площадката за %2 изисква %3.</translation>
    </message>
    <message>
        <source>%1: %2 points; the playground holds at most %3.</source>
        <translation>%1: %2 точки; площадката побира най-много %3.</translation>
    </message>
    <message>
        <source>%1: %2 point(s) lie outside the playground, e.g. point %3 %4; it shows %5 — rescale the data first.</source>
        <translation>%1: %2 точки са извън площадката, напр. точка %3 %4; тя показва %5 — първо мащабирайте данните.</translation>
    </message>
    <message>
        <source>This model takes %1 inputs; the 2D playground takes 2 (x₁, x₂), or 1 (x) for the curve task. Load it in the mode it was made for.</source>
        <translation>Този модел приема %1 входа; 2D площадката приема 2 (x₁, x₂) или 1 (x) за задачата с кривата. Заредете го в режима, за който е създаден.</translation>
    </message>
    <message>
        <source>This classifier has %1 classes; the playground shows %2 to %3.</source>
        <translation>Този класификатор има %1 класа; площадката показва от %2 до %3.</translation>
    </message>
    <message>
        <source>The playground cannot show this network: %1.</source>
        <translation>Площадката не може да покаже тази мрежа: %1.</translation>
    </message>
    <message>
        <source>%1: class points need two coordinates (x1,x2,label), this file has %2.</source>
        <translation>%1: точките на класове изискват две координати (x1,x2,label), а този файл има %2.</translation>
    </message>
    <message>
        <source>%1: the playground shows at most %2 classes (labels 0–%3); this file has labels up to %4.</source>
        <translation>%1: площадката показва най-много %2 класа (етикети 0–%3); този файл има етикети до %4.</translation>
    </message>
    <message>
        <source>%1: the playground takes 1 or 2 input columns, this file has %2.</source>
        <translation>%1: площадката приема 1 или 2 входни колони, а този файл има %2.</translation>
    </message>
    <message>
        <source>unknown feature(s) %1; valid: %2</source>
        <translation>непознати характеристики %1; валидни: %2</translation>
    </message>
    <message>
        <source>%1: binary content, not a CSV text file</source>
        <translation>%1: двоично съдържание, а не текстов CSV файл</translation>
    </message>
    <message>
        <source>%1: no data points (the file is empty or has only a header/comments)</source>
        <translation>%1: няма точки с данни (файлът е празен или има само заглавен ред/коментари)</translation>
    </message>
    <message>
        <source>feature(s) %1 need a second input column, but the data has only x1</source>
        <translation>характеристиките %1 изискват втора входна колона, а данните имат само x1</translation>
    </message>
    <message>
        <source>cannot save a %1 data set with %2 input column(s) as points CSV</source>
        <translation>набор от данни за %1 с %2 входни колони не може да се запише като CSV с точки</translation>
    </message>
    <message>
        <source>%1: cannot read file: %2</source>
        <translation>%1: файлът не може да се прочете: %2</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text (bad byte at offset %2)</source>
        <translation>%1: не е UTF-8 текст (лош байт на позиция %2)</translation>
    </message>
    <message>
        <source>%1: line %2: expected %3 values, found %4</source>
        <translation>%1: ред %2: очаквани %3 стойности, намерени %4</translation>
    </message>
    <message>
        <source>%1: line %2: unrecognised header %3 (expected %4)</source>
        <translation>%1: ред %2: непознат заглавен ред %3 (очакван %4)</translation>
    </message>
    <message>
        <source>%1: line %2: expected 2 or 3 columns, found %3</source>
        <translation>%1: ред %2: очаквани 2 или 3 колони, намерени %3</translation>
    </message>
    <message>
        <source>%1: line %2: column %3: non-numeric value %4</source>
        <translation>%1: ред %2: колона %3: нечислова стойност %4</translation>
    </message>
    <message>
        <source>%1: line %2: column %3: value %4 is not finite</source>
        <translation>%1: ред %2: колона %3: стойността %4 не е крайна</translation>
    </message>
    <message>
        <source>%1: line %2: label %3 is not an integer</source>
        <translation>%1: ред %2: етикетът %3 не е цяло число</translation>
    </message>
    <message>
        <source>%1: line %2: label %3 is negative</source>
        <translation>%1: ред %2: етикетът %3 е отрицателен</translation>
    </message>
    <message>
        <source>%1: line %2: label %3 is too large; at most %4 classes (labels 0..%5) are supported</source>
        <translation>%1: ред %2: етикетът %3 е твърде голям; поддържат се най-много %4 класа (етикети 0..%5)</translation>
    </message>
    <message>
        <source>This is not a picture of a digit (an array of shape %1); a grey or colour image is needed.</source>
        <translation>Това не е картинка на цифра (масив с форма %1); нужно е сиво или цветно изображение.</translation>
    </message>
    <message>
        <source>The picture is almost all ink (%1% of it): no digit stands out from a background. Use a picture of one digit on plain paper or a plain background.</source>
        <translation>Картинката е почти изцяло мастило (%1% от нея): никаква цифра не се откроява от фона. Използвайте картинка на една цифра върху чиста хартия или едноцветен фон.</translation>
    </message>
    <message>
        <source>%1: several candidate files for %2: %3</source>
        <translation>%1: няколко възможни файла за %2: %3</translation>
    </message>
    <message>
        <source>%1: %2 class names, but the labels need at least %3</source>
        <translation>%1: %2 имена на класове, а етикетите изискват поне %3</translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation>%1: не е папка</translation>
    </message>
    <message>
        <source>%1: negative labels</source>
        <translation>%1: отрицателни етикети</translation>
    </message>
    <message>
        <source>%1: truncated gzip stream (%2)</source>
        <translation>%1: непълен gzip поток (%2)</translation>
    </message>
    <message>
        <source>%1: corrupt gzip data (%2)</source>
        <translation>%1: повредени gzip данни (%2)</translation>
    </message>
    <message>
        <source>%1: file not found</source>
        <translation>%1: файлът не е намерен</translation>
    </message>
    <message>
        <source>%1: cannot read file (%2)</source>
        <translation>%1: файлът не може да се прочете (%2)</translation>
    </message>
    <message>
        <source>%1: truncated: file too short for an IDX header (%2 bytes)</source>
        <translation>%1: непълен: файлът е твърде къс за IDX заглавие (%2 байта)</translation>
    </message>
    <message>
        <source>%1: not an IDX file: bad magic number 0x%2 (expected 00 00, a type code 08/09/0B/0C/0D/0E and 1 to 4 dimensions)</source>
        <translation>%1: не е IDX файл: лошо магическо число 0x%2 (очаквани 00 00, код на типа 08/09/0B/0C/0D/0E и от 1 до 4 измерения)</translation>
    </message>
    <message>
        <source>%1: truncated: header ends inside the dimension list</source>
        <translation>%1: непълен: заглавието свършва насред списъка с измерения</translation>
    </message>
    <message>
        <source>%1: implausible dimensions %2 (%3 bytes of data); the header is probably corrupt</source>
        <translation>%1: неправдоподобни измерения %2 (%3 байта данни); заглавието вероятно е повредено</translation>
    </message>
    <message>
        <source>%1: truncated: expected %2 data bytes, found %3</source>
        <translation>%1: непълен: очаквани %2 байта данни, намерени %3</translation>
    </message>
    <message>
        <source>%1: %2 unexpected trailing bytes after the %3 data bytes declared by the header %4</source>
        <translation>%1: %2 неочаквани байта в края след %3-те байта данни, обявени от заглавието %4</translation>
    </message>
    <message>
        <source>%1: at least one class name is needed</source>
        <translation>%1: нужно е поне едно име на клас</translation>
    </message>
    <message>
        <source>%1: no training images</source>
        <translation>%1: няма тренировъчни изображения</translation>
    </message>
    <message>
        <source>%1: train images are %2 but test images are %3</source>
        <translation>%1: тренировъчните изображения са %2, а тестовите са %3</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation>%1: не е UTF-8 текст</translation>
    </message>
    <message>
        <source>%1: cannot list folder (%2)</source>
        <translation>%1: съдържанието на папката не може да се прочете (%2)</translation>
    </message>
    <message>
        <source>%1: expected 3-D unsigned-byte images, got %2-D %3</source>
        <translation>%1: очаквани 3-D изображения от байтове без знак, получени %2-D %3</translation>
    </message>
    <message>
        <source>%1: expected 1-D integer labels, got %2-D %3</source>
        <translation>%1: очаквани 1-D целочислени етикети, получени %2-D %3</translation>
    </message>
    <message>
        <source>%1: %2 labels for %3 images in %4</source>
        <translation>%1: %2 етикета за %3 изображения в %4</translation>
    </message>
    <message>
        <source>%1: %2 images must be a 3-D uint8 array (n, h, w), got %3-D %4</source>
        <translation>%1: изображенията (%2) трябва да са 3-D uint8 масив (n, h, w), получен %3-D %4</translation>
    </message>
    <message>
        <source>%1: %2 labels must be a 1-D integer array, got %3-D %4</source>
        <translation>%1: етикетите (%2) трябва да са 1-D целочислен масив, получен %3-D %4</translation>
    </message>
    <message>
        <source>%1: %2 %3 images but %4 labels</source>
        <translation>%1: %2 изображения (%3), но %4 етикета</translation>
    </message>
    <message>
        <source>%1: %2 labels must lie in 0..%3, found %4..%5</source>
        <translation>%1: етикетите (%2) трябва да са в 0..%3, намерени %4..%5</translation>
    </message>
    <message>
        <source>%1: not an MLP Studio model file (it is not a .npz archive).</source>
        <translation>%1: не е файл с модел на MLP Studio (не е .npz архив).</translation>
    </message>
    <message>
        <source>%1: not an MLP Studio model file.</source>
        <translation>%1: не е файл с модел на MLP Studio.</translation>
    </message>
    <message>
        <source>%1: model format version %2 is not supported (this MLP Studio reads version %3).</source>
        <translation>%1: версия %2 на формата на модела не се поддържа (това MLP Studio чете версия %3).</translation>
    </message>
    <message>
        <source>%1: not an MLP Studio model file (it could not be read as .npz: %2).</source>
        <translation>%1: не е файл с модел на MLP Studio (не може да се прочете като .npz: %2).</translation>
    </message>
    <message>
        <source>%1: the file is damaged (%2: %3).</source>
        <translation>%1: файлът е повреден (%2: %3).</translation>
    </message>
    <message>
        <source>%1: not an MLP Studio model file (no header).</source>
        <translation>%1: не е файл с модел на MLP Studio (няма заглавие).</translation>
    </message>
    <message>
        <source>%1: the model header is damaged (%2).</source>
        <translation>%1: заглавието на модела е повредено (%2).</translation>
    </message>
    <message>
        <source>%1: the model inside is inconsistent (%2).</source>
        <translation>%1: моделът във файла е непоследователен (%2).</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2).</source>
        <translation>%1: не може да се прочете (%2).</translation>
    </message>
    <message>
        <source>cannot save the project: %1 holds a %2, which a project file cannot store</source>
        <translation>проектът не може да се запише: %1 съдържа %2, а файл на проект не може да го съхрани</translation>
    </message>
    <message>
        <source>cannot save the project: %1 is an array of Python objects</source>
        <translation>проектът не може да се запише: %1 е масив от Python обекти</translation>
    </message>
    <message>
        <source>cannot save the project: the state must be a dict, got %1</source>
        <translation>проектът не може да се запише: състоянието трябва да е речник (dict), а е %1</translation>
    </message>
    <message>
        <source>array %1 holds Python objects, which a project file never contains</source>
        <translation>масивът %1 съдържа Python обекти, каквито файл на проект никога не съдържа</translation>
    </message>
    <message>
        <source>array %1 is damaged: %2 bytes of data for shape %3 %4</source>
        <translation>масивът %1 е повреден: %2 байта данни за форма %3 %4</translation>
    </message>
    <message>
        <source>expected bytes, got %1</source>
        <translation>очаквани байтове, получено %1</translation>
    </message>
    <message>
        <source>%1: not an MLP Studio project file.</source>
        <translation>%1: не е файл на проект на MLP Studio.</translation>
    </message>
    <message>
        <source>%1: not a complete MLP Studio project (it holds no modes).</source>
        <translation>%1: не е пълен проект на MLP Studio (не съдържа режими).</translation>
    </message>
    <message>
        <source>%1: the project data is damaged (current_mode is not a name).</source>
        <translation>%1: данните на проекта са повредени (current_mode не е име).</translation>
    </message>
    <message>
        <source>%1: cannot be saved (%2).</source>
        <translation>%1: не може да се запише (%2).</translation>
    </message>
    <message>
        <source>array %1 has an unsupported .npy version %2</source>
        <translation>масивът %1 е с неподдържана .npy версия %2</translation>
    </message>
    <message>
        <source>the project data is damaged (stray marker %1)</source>
        <translation>данните на проекта са повредени (излишен маркер %1)</translation>
    </message>
    <message>
        <source>the project data is damaged (bad %1 reference)</source>
        <translation>данните на проекта са повредени (лоша препратка %1)</translation>
    </message>
    <message>
        <source>%1: the file is too large to open.</source>
        <translation>%1: файлът е твърде голям, за да се отвори.</translation>
    </message>
    <message>
        <source>%1: the project data is damaged (nested too deeply).</source>
        <translation>%1: данните на проекта са повредени (вложени твърде дълбоко).</translation>
    </message>
    <message>
        <source>%1: the file is damaged and cannot be opened (%2: %3).</source>
        <translation>%1: файлът е повреден и не може да се отвори (%2: %3).</translation>
    </message>
    <message>
        <source>%1: the file is empty, not an MLP Studio project.</source>
        <translation>%1: файлът е празен, не е проект на MLP Studio.</translation>
    </message>
    <message>
        <source>%1: the project file is truncated or damaged (not a complete zip archive).</source>
        <translation>%1: файлът на проекта е непълен или повреден (не е цял zip архив).</translation>
    </message>
    <message>
        <source>%1: implausibly many entries (%2); the file is damaged.</source>
        <translation>%1: неправдоподобно много записи (%2); файлът е повреден.</translation>
    </message>
    <message>
        <source>%1: the archive claims more than %2 GiB of data; it is damaged or not a project.</source>
        <translation>%1: архивът твърди, че съдържа над %2 GiB данни; повреден е или не е проект.</translation>
    </message>
    <message>
        <source>%1: not an MLP Studio project file (no %2 inside).</source>
        <translation>%1: не е файл на проект на MLP Studio (вътре няма %2).</translation>
    </message>
    <message>
        <source>%1: the project header is implausibly large; the file is damaged.</source>
        <translation>%1: заглавието на проекта е неправдоподобно голямо; файлът е повреден.</translation>
    </message>
    <message>
        <source>%1: the project data is damaged (the state is not a dict).</source>
        <translation>%1: данните на проекта са повредени (състоянието не е речник).</translation>
    </message>
    <message>
        <source>%1: the project data is damaged (the part %2 is a %3, not a dict).</source>
        <translation>%1: данните на проекта са повредени (частта %2 е %3, а не речник).</translation>
    </message>
    <message>
        <source>the project data is damaged (%1 is not a scalar)</source>
        <translation>данните на проекта са повредени (%1 не е скалар)</translation>
    </message>
    <message>
        <source>%1: this is a model file, not a project; open it with File → Load model….</source>
        <translation>%1: това е файл с модел, не проект; отворете го с Файл → Зареди модел….</translation>
    </message>
    <message>
        <source>the entry %1 is missing; the file is damaged</source>
        <translation>записът %1 липсва; файлът е повреден</translation>
    </message>
    <message>
        <source>%1: the project header is damaged (%2).</source>
        <translation>%1: заглавието на проекта е повредено (%2).</translation>
    </message>
    <message>
        <source>cannot save the project: key %1 in %2 is not a string</source>
        <translation>проектът не може да се запише: ключът %1 в %2 не е низ</translation>
    </message>
    <message>
        <source>recipe: %1 must be %2 in %3%4, %5], got %6</source>
        <translation>рецепта: %1 трябва да е %2 в %3%4, %5], а е %6</translation>
    </message>
    <message>
        <source>recipe must be a dict, got %1</source>
        <translation>рецептата трябва да е речник (dict), а е %1</translation>
    </message>
    <message>
        <source>recipe: unknown settings %1</source>
        <translation>рецепта: непознати настройки %1</translation>
    </message>
    <message>
        <source>recipe: hidden must be a list of at most %1 layers, got %2</source>
        <translation>рецепта: hidden трябва да е списък от най-много %1 слоя, а е %2</translation>
    </message>
    <message>
        <source>recipe: loss must be one of %1, got %2</source>
        <translation>рецепта: loss трябва да е една от %1, а е %2</translation>
    </message>
    <message>
        <source>recipe: optimizer must be one of %1, got %2</source>
        <translation>рецепта: optimizer трябва да е един от %1, а е %2</translation>
    </message>
    <message>
        <source>recipe: dtype must be &apos;float32&apos; or &apos;float64&apos;, got %1</source>
        <translation>рецепта: dtype трябва да е &apos;float32&apos; или &apos;float64&apos;, а е %1</translation>
    </message>
    <message>
        <source>recipe: augment needs square images as inputs, not %1 inputs</source>
        <translation>рецепта: augment изисква квадратни изображения като вход, а не %1 входа</translation>
    </message>
    <message>
        <source>recipe: hidden[%1] must be {&apos;units&apos;: n, &apos;activation&apos;: name}, got %2</source>
        <translation>рецепта: hidden[%1] трябва да е {&apos;units&apos;: n, &apos;activation&apos;: name}, а е %2</translation>
    </message>
    <message>
        <source>recipe: hidden[%1].activation must be one of %2, got %3</source>
        <translation>рецепта: hidden[%1].activation трябва да е една от %2, а е %3</translation>
    </message>
    <message>
        <source>recipe: features must be a non-empty list from %1, got %2</source>
        <translation>рецепта: features трябва да е непразен списък от %1, а е %2</translation>
    </message>
    <message>
        <source>%1: the number of classes must be from %2 to %3, got %4</source>
        <translation>%1: броят на класовете трябва да е от %2 до %3, а е %4</translation>
    </message>
    <message>
        <source>%1: the loss must be one of %2, got %3</source>
        <translation>%1: функцията на загубите трябва да е една от %2, а е %3</translation>
    </message>
    <message>
        <source>%1: takes the raw inputs, not features %2</source>
        <translation>%1: приема суровите входове, а не характеристики %2</translation>
    </message>
    <message>
        <source>%1: features must be a non-empty list from %2, got %3</source>
        <translation>%1: характеристиките трябва да са непразен списък от %2, а са %3</translation>
    </message>
    <message>
        <source>%1: the network needs input features from %2</source>
        <translation>%1: мрежата изисква входни характеристики от %2</translation>
    </message>
    <message>
        <source>a stored run is damaged: %1</source>
        <translation>запазен опит е повреден: %1</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Няма такъв файл или папка</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Достъпът е отказан</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Това е папка</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Не е папка</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>Файлът вече съществува</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Няма свободно място на диска</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Файловата система е само за четене</translation>
    </message>
    <message>
        <source>Out of memory: try a smaller network, batch or data set.</source>
        <translation>Паметта свърши: опитайте по-малка мрежа, минибатч или набор от данни.</translation>
    </message>
    <message>
        <source>A file operation failed (%1): %2.</source>
        <translation>Операция с файл не успя (%1): %2.</translation>
    </message>
    <message>
        <source>A file operation failed: %1.</source>
        <translation>Операция с файл не успя: %1.</translation>
    </message>
    <message>
        <source>Something went wrong inside MLP Studio (%1).</source>
        <translation>Нещо се обърка в MLP Studio (%1).</translation>
    </message>
    <message>
        <source>Unexpected %1.</source>
        <translation>Неочаквано %1.</translation>
    </message>
    <message>
        <source>Your work is still there; saving it now is a good idea. Technical details were written to the error log (standard error).</source>
        <translation>Работата ви е запазена в приложението; добре е да я запишете сега. Техническите подробности са записани в дневника на грешките (стандартния изход за грешки).</translation>
    </message>
    <message>
        <source>MLP Studio projects</source>
        <translation>Проекти на MLP Studio</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV файлове</translation>
    </message>
    <message>
        <source>PNG images</source>
        <translation>PNG изображения</translation>
    </message>
    <message>
        <source>MLP Studio models</source>
        <translation>Модели на MLP Studio</translation>
    </message>
    <message>
        <source>Python scripts</source>
        <translation>Python скриптове</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Всички файлове</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>Крива на загубата</translation>
    </message>
    <message>
        <source>Accuracy curve</source>
        <translation>Крива на точността</translation>
    </message>
    <message>
        <source>R² curve</source>
        <translation>Крива на R²</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Матрица на объркванията</translation>
    </message>
    <message>
        <source>First-layer weights</source>
        <translation>Тегла (1. слой)</translation>
    </message>
    <message>
        <source>Decision map</source>
        <translation>Карта на решенията</translation>
    </message>
    <message>
        <source>Fitted curve</source>
        <translation>Напасната крива</translation>
    </message>
    <message>
        <source>Prediction map</source>
        <translation>Карта на предсказанията</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>Диаграма на мрежата</translation>
    </message>
    <message>
        <source>the image could not be encoded as PNG</source>
        <translation>изображението не може да се кодира като PNG</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>Импортиране на точки</translation>
    </message>
    <message>
        <source>Imported points from %1</source>
        <translation>Точките са импортирани от %1</translation>
    </message>
    <message>
        <source>Export points</source>
        <translation>Експортиране на точки</translation>
    </message>
    <message>
        <source>Exported points to %1</source>
        <translation>Точките са експортирани в %1</translation>
    </message>
    <message>
        <source>Export %1 as PNG</source>
        <translation>Експортиране на „%1“ като PNG</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Експортиране на графика</translation>
    </message>
    <message>
        <source>Saved the %1 as %2</source>
        <translation>Графиката „%1“ е записана като %2</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Записване на модел</translation>
    </message>
    <message>
        <source>Saved the model as %1</source>
        <translation>Моделът е записан като %1</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Зареждане на модел</translation>
    </message>
    <message>
        <source>Loaded the model %1</source>
        <translation>Зареден е моделът %1</translation>
    </message>
    <message>
        <source>Export NumPy script</source>
        <translation>Експортиране на NumPy скрипт</translation>
    </message>
    <message>
        <source>Export the network as a NumPy script</source>
        <translation>Експортиране на мрежата като NumPy скрипт</translation>
    </message>
    <message>
        <source>Export for PyTorch</source>
        <translation>Експортиране за PyTorch</translation>
    </message>
    <message>
        <source>Export the network for PyTorch</source>
        <translation>Експортиране на мрежата за PyTorch</translation>
    </message>
    <message>
        <source>%1 and its weights</source>
        <translation>%1 с теглата до него</translation>
    </message>
    <message>
        <source>Exported the network as %1</source>
        <translation>Мрежата е експортирана като %1</translation>
    </message>
    <message>
        <source>There is no trained network yet: train it first.</source>
        <translation>Все още няма обучена мрежа: първо я обучете.</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светла</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тъмна</translation>
    </message>
    <message>
        <source>Follow the system&apos;s light or dark appearance.</source>
        <translation>Светла или тъмна според системата.</translation>
    </message>
    <message>
        <source>Always light.</source>
        <translation>Винаги светла.</translation>
    </message>
    <message>
        <source>Always dark.</source>
        <translation>Винаги тъмна.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Нов</translation>
    </message>
    <message>
        <source>Start a new project: the default points and network.</source>
        <translation>Започване на нов проект: точките и мрежата по подразбиране.</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Отвори…</translation>
    </message>
    <message>
        <source>Open a project file (.mlpproj) with its points, network, weights and history.</source>
        <translation>Отваряне на файл на проект (.mlpproj) с неговите точки, мрежа, тегла и история.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Отвори &amp;скорошен</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Запиши</translation>
    </message>
    <message>
        <source>Save the project: points, network, settings, trained weights and loss history.</source>
        <translation>Записване на проекта: точки, мрежа, настройки, обучени тегла и история на загубите.</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Запиши &amp;като…</translation>
    </message>
    <message>
        <source>Save the project under a new name.</source>
        <translation>Записване на проекта под ново име.</translation>
    </message>
    <message>
        <source>&amp;Import points (CSV)…</source>
        <translation>&amp;Импортирай точки (CSV)…</translation>
    </message>
    <message>
        <source>Read points from a CSV file with columns x1,x2,label (or x1,x2,target / x,target).</source>
        <translation>Четене на точки от CSV файл с колони x1,x2,label (или x1,x2,target / x,target).</translation>
    </message>
    <message>
        <source>&amp;Export points (CSV)…</source>
        <translation>&amp;Експортирай точки (CSV)…</translation>
    </message>
    <message>
        <source>Write the current points to a CSV file.</source>
        <translation>Записване на текущите точки в CSV файл.</translation>
    </message>
    <message>
        <source>Export &amp;plot as PNG</source>
        <translation>Експортирай &amp;графика като PNG</translation>
    </message>
    <message>
        <source>Save &amp;model…</source>
        <translation>Запиши &amp;модел…</translation>
    </message>
    <message>
        <source>Save the trained network with its input features and scaling as a model file (.npz).</source>
        <translation>Записване на обучената мрежа с входните ѝ характеристики и мащабирането като файл на модел (.npz).</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>З&amp;ареди модел…</translation>
    </message>
    <message>
        <source>Load a model file saved by MLP Studio.</source>
        <translation>Зареждане на файл на модел, записан от MLP Studio.</translation>
    </message>
    <message>
        <source>Export &amp;NumPy script…</source>
        <translation>Експортирай &amp;NumPy скрипт…</translation>
    </message>
    <message>
        <source>Write the trained network as a short Python script that needs only NumPy.</source>
        <translation>Записване на обучената мрежа като кратък Python скрипт, който изисква само NumPy.</translation>
    </message>
    <message>
        <source>Export for P&amp;yTorch…</source>
        <translation>Експортирай за P&amp;yTorch…</translation>
    </message>
    <message>
        <source>Write a Python file building the same torch.nn.Sequential, with its weights beside it.</source>
        <translation>Записване на Python файл, който изгражда същата torch.nn.Sequential, с теглата до него.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Из&amp;ход</translation>
    </message>
    <message>
        <source>Close MLP Studio.</source>
        <translation>Затваряне на MLP Studio.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редактиране</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отмени</translation>
    </message>
    <message>
        <source>Undo the last change to the points or the network (undoing a network change brings back the trained weights).</source>
        <translation>Отменяне на последната промяна на точките или мрежата (отменянето на промяна на мрежата връща обучените тегла).</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повтори</translation>
    </message>
    <message>
        <source>Redo what was undone.</source>
        <translation>Повтаряне на отмененото.</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Обучение</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>Старт / &amp;пауза</translation>
    </message>
    <message>
        <source>Start or pause training; the weights are kept while paused.</source>
        <translation>Стартиране или пауза на обучението; докато е на пауза, теглата се запазват.</translation>
    </message>
    <message>
        <source>&amp;Step one epoch</source>
        <translation>&amp;Стъпка от една епоха</translation>
    </message>
    <message>
        <source>Train for one epoch (one pass over the data), then pause.</source>
        <translation>Обучение за една епоха (едно преминаване през данните), после пауза.</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>&amp;Нови случайни тегла</translation>
    </message>
    <message>
        <source>Start again from new random weights; the points and network shape stay.</source>
        <translation>Започване отначало с нови случайни тегла; точките и формата на мрежата остават.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Изглед</translation>
    </message>
    <message>
        <source>Switch to the %1.</source>
        <translation>Превключване към „%1“.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Език</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Помощ</translation>
    </message>
    <message>
        <source>MLP Studio &amp;Help</source>
        <translation>&amp;Помощ за MLP Studio</translation>
    </message>
    <message>
        <source>The ideas behind the app and how to use it.</source>
        <translation>Идеите зад приложението и как се използва.</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;За %1</translation>
    </message>
    <message>
        <source>Versions, licences and the MNIST credit.</source>
        <translation>Версии, лицензи и авторите на MNIST.</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Няма скорошни проекти</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Изчисти списъка</translation>
    </message>
    <message>
        <source>No plots in this mode</source>
        <translation>В този режим няма графики</translation>
    </message>
    <message>
        <source>%1: as is</source>
        <translation>%1: както е</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>променено</translation>
    </message>
    <message>
        <source>Augmented training images</source>
        <translation>Аугментирани тренировъчни изображения</translation>
    </message>
    <message>
        <source>Each row: one training image as it is, then what training may see instead this epoch — rotated, scaled, slanted, shifted, with thicker or thinner strokes and an elastic distortion. The labels stay the same; every epoch draws new changes.</source>
        <translation>Всеки ред: едно тренировъчно изображение както е, после това, което обучението може да види вместо него в тази епоха — завъртяно, мащабирано, наклонено, изместено, с по-дебели или по-тънки щрихи и еластично изкривяване. Етикетите остават същите; всяка епоха тегли нови промени.</translation>
    </message>
    <message>
        <source>New samples</source>
        <translation>Нови примери</translation>
    </message>
    <message>
        <source>Draw other images and other random changes.</source>
        <translation>Изтегли други изображения и други случайни промени.</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>предсказан клас</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>истински клас</translation>
    </message>
    <message>
        <source>The confusion matrix appears here once a network has been
trained or loaded and the test images are loaded.</source>
        <translation>Матрицата на объркванията се появява тук, щом мрежа бъде
обучена или заредена и тестовите изображения са заредени.</translation>
    </message>
    <message>
        <source> (%1 of the %2 of “%3”)</source>
        <translation> (%1 от %2 на „%3“)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln test image(s)</source>
        <translation>
            <numerusform>%Ln тестово изображение</numerusform>
            <numerusform>%Ln тестови изображения</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” classified correctly: %2%3. Click to see them, least sure first.</source>
        <translation>„%1“, класифицирани правилно: %2%3. Щракнете, за да ги видите, първо най-несигурните.</translation>
    </message>
    <message>
        <source>True “%1”, predicted “%2”: %3%4. Click to see them.</source>
        <translation>Истински „%1“, предсказан „%2“: %3%4. Щракнете, за да ги видите.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln изображение</numerusform>
            <numerusform>%Ln изображения</numerusform>
        </translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данни</translation>
    </message>
    <message>
        <source>Load MNIST</source>
        <translation>Зареди MNIST</translation>
    </message>
    <message>
        <source>Load the bundled MNIST handwritten digits: 60,000 training and 10,000 test images of 28×28 grey pixels, labelled 0–9.</source>
        <translation>Зарежда вградения набор от данни MNIST с ръкописни цифри: 60 000 тренировъчни и 10 000 тестови изображения от 28×28 сиви пиксела с етикети 0–9.</translation>
    </message>
    <message>
        <source>Open IDX folder…</source>
        <translation>Отвори IDX папка…</translation>
    </message>
    <message>
        <source>Load another data set in MNIST&apos;s IDX format (e.g. &lt;code&gt;Fashion-MNIST&lt;/code&gt;): a folder with &lt;code&gt;train-images-idx3-ubyte&lt;/code&gt;, &lt;code&gt;train-labels-idx1-ubyte&lt;/code&gt;, &lt;code&gt;t10k-images-idx3-ubyte&lt;/code&gt; and &lt;code&gt;t10k-labels-idx1-ubyte&lt;/code&gt; (optionally &lt;code&gt;.gz&lt;/code&gt;), and optionally &lt;code&gt;classes.txt&lt;/code&gt; with one class name per line.</source>
        <translation>Зарежда друг набор от данни във формата IDX на MNIST (напр. &lt;code&gt;Fashion-MNIST&lt;/code&gt;): папка с &lt;code&gt;train-images-idx3-ubyte&lt;/code&gt;, &lt;code&gt;train-labels-idx1-ubyte&lt;/code&gt;, &lt;code&gt;t10k-images-idx3-ubyte&lt;/code&gt; и &lt;code&gt;t10k-labels-idx1-ubyte&lt;/code&gt; (по желание &lt;code&gt;.gz&lt;/code&gt;) и по желание &lt;code&gt;classes.txt&lt;/code&gt; с по едно име на клас на ред.</translation>
    </message>
    <message>
        <source>Loading… %p%</source>
        <translation>Зареждане… %p%</translation>
    </message>
    <message>
        <source>Reading and decompressing the image files (off the GUI thread).</source>
        <translation>Четене и разархивиране на файловете с изображения (извън нишката на интерфейса).</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>Обучение върху:</translation>
    </message>
    <message>
        <source>How many training images to learn from. A subset trains much faster (good for quick experiments) but usually reaches a lower test accuracy and overfits sooner: watch the gap between training and test accuracy grow.</source>
        <translation>От колко тренировъчни изображения да се учи мрежата. С част от тях обучението е много по-бързо (добре за бързи опити), но обикновено достига по-ниска тестова точност и преобучението идва по-рано: гледайте как расте разликата между тренировъчната и тестовата точност.</translation>
    </message>
    <message>
        <source>all training images</source>
        <translation>всички изображения</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 изображения</translation>
    </message>
    <message>
        <source>Not loaded yet.</source>
        <translation>Още не е заредено.</translation>
    </message>
    <message>
        <source>Open a folder of IDX files</source>
        <translation>Отваряне на папка с IDX файлове</translation>
    </message>
    <message>
        <source>Draw a digit here with the mouse (hold the left button). The network reads it after every stroke segment. Right-click or Clear to start again.</source>
        <translation>Нарисувайте цифра тук с мишката (задръжте левия бутон). Мрежата я разчита след всяко парче от щриха. Десен бутон или „Изчисти“ — за начало отново.</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>Нарисувайте цифра тук</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pbm *.pgm *.ppm *.webp);;All files (*)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.gif *.pbm *.pgm *.ppm *.webp);;Всички файлове (*)</translation>
    </message>
    <message>
        <source>This file could not be read as an image (supported: PNG, JPEG, BMP, GIF, PGM, …).</source>
        <translation>Този файл не може да се прочете като изображение (поддържани: PNG, JPEG, BMP, GIF, PGM, …).</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>Изображението е празно.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Изчисти</translation>
    </message>
    <message>
        <source>Wipe the canvas (or right-click on it).</source>
        <translation>Изчиства платното (или щракнете с десния бутон върху него).</translation>
    </message>
    <message>
        <source>Load image…</source>
        <translation>Зареди изображение…</translation>
    </message>
    <message>
        <source>Classify a picture of a digit: a photo or scan works if the digit is dark on light paper (it is inverted) or light on dark. It is prepared the same way as a drawing.</source>
        <translation>Класифицира картинка на цифра: снимка или сканиране става, ако цифрата е тъмна на светла хартия (тогава се обръща) или светла на тъмно. Подготвя се по същия начин като рисунка.</translation>
    </message>
    <message>
        <source>The network that reads your drawing: the one trained here (updated after every epoch, even while training runs), a loaded model file, or the model shipped with MLP Studio.</source>
        <translation>Мрежата, която разчита рисунката ви: обучената тук (обновява се след всяка епоха, дори докато обучението върви), зареден файл с модел или моделът, доставен с MLP Studio.</translation>
    </message>
    <message>
        <source>The class with the highest probability: the network&apos;s answer.</source>
        <translation>Класът с най-голяма вероятност: отговорът на мрежата.</translation>
    </message>
    <message>
        <source>The network&apos;s output after softmax: one probability per class, summing to 100%. They update while you draw.</source>
        <translation>Изходът на мрежата след softmax: по една вероятност за всеки клас, със сбор 100%. Обновяват се, докато рисувате.</translation>
    </message>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>Какво вижда мрежата (28×28)</translation>
    </message>
    <message>
        <source>Your drawing prepared the way MNIST was made: the ink&apos;s bounding box scaled into 20×20 keeping its shape (anti-aliased, so edges turn grey), then placed in a 28×28 field with its centre of mass in the middle. These 784 grey values are the network&apos;s input x. (The strokes are first redrawn as wide as MNIST&apos;s, about 2.6 of the 20 pixels, so a small, bold or thin drawing becomes the same digit.)</source>
        <translation>Рисунката ви, подготвена както е направен MNIST: обхващащият правоъгълник на мастилото е мащабиран до 20×20 със запазена форма (със заглаждане, затова ръбовете стават сиви), после поставен в поле 28×28 с център на масата в средата. Тези 784 сиви стойности са входът x на мрежата. (Щрихите първо се прерисуват с ширината на тези в MNIST, около 2,6 от 20-те пиксела, така че малка, дебела или тънка рисунка става същата цифра.)</translation>
    </message>
    <message>
        <source>It reads: %1  (%2)</source>
        <translation>Разчита: %1  (%2)</translation>
    </message>
    <message>
        <source>No network yet</source>
        <translation>Още няма мрежа</translation>
    </message>
    <message>
        <source>This network predicts numbers, not classes</source>
        <translation>Тази мрежа предсказва числа, не класове</translation>
    </message>
    <message>
        <source>This network reads %1×%2 images; drawings are 28×28</source>
        <translation>Тази мрежа чете изображения %1×%2; рисунките са 28×28</translation>
    </message>
    <message numerus="yes">
        <source>This network reads %Ln input(s); drawings are 28×28</source>
        <translation>
            <numerusform>Тази мрежа чете %Ln вход; рисунките са 28×28</numerusform>
            <numerusform>Тази мрежа чете %Ln входа; рисунките са 28×28</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Нарисувайте цифра</translation>
    </message>
    <message>
        <source>Classify an image</source>
        <translation>Класифициране на изображение</translation>
    </message>
    <message>
        <source>Cannot classify this image</source>
        <translation>Изображението не може да се класифицира</translation>
    </message>
    <message>
        <source>Each picture is one neuron of the first hidden layer: its 784 weights W₁ laid out as the 28×28 image they multiply. Orange pixels have positive weights (ink there excites the neuron), blue ones negative (ink there inhibits it), grey ones hardly matter. Each picture is scaled to its own largest weight. Together they are the patterns the network looks for first.</source>
        <translation>Всяка картинка е един неврон от първия скрит слой: неговите 784 тегла W₁, подредени като изображението 28×28, по което се умножават. Оранжевите пиксели имат положителни тегла (мастило там възбужда неврона), сините — отрицателни (мастило там го потиска), сивите почти нямат значение. Всяка картинка е мащабирана по собственото си най-голямо тегло. Заедно те са образите, които мрежата търси най-напред.</translation>
    </message>
    <message>
        <source>Accuracy per class (test images)</source>
        <translation>Точност по класове (тестов набор)</translation>
    </message>
    <message>
        <source>Train or load a network, and load the test images, to evaluate it here.</source>
        <translation>Обучете или заредете мрежа и заредете тестовите изображения, за да я оцените тук.</translation>
    </message>
    <message>
        <source>Click an image under Images to see all the network&apos;s probabilities for it.</source>
        <translation>Щракнете върху изображение в „Изображения“, за да видите всички вероятности на мрежата за него.</translation>
    </message>
    <message>
        <source>Confusion matrix on the test images: row = true class, column = the network&apos;s answer. The diagonal counts correct answers; every other cell is a kind of mistake. Click a cell to see its images.</source>
        <translation>Матрица на объркванията върху тестовите изображения: ред = истински клас, колона = отговорът на мрежата. Диагоналът брои верните отговори; всяка друга клетка е вид грешка. Щракнете върху клетка, за да видите изображенията ѝ.</translation>
    </message>
    <message>
        <source>The share of each class&apos;s test images that the network gets right (its recall). The weakest classes are marked. The bars start where the caption says (not at 0%), so that 97% and 99.5% look different.</source>
        <translation>Делът от тестовите изображения на всеки клас, които мрежата познава (пълнотата ѝ). Най-слабите класове са отбелязани. Лентите започват оттам, където казва надписът (не от 0%), за да се различават 97% и 99,5%.</translation>
    </message>
    <message>
        <source>All mistakes</source>
        <translation>Всички грешки</translation>
    </message>
    <message>
        <source>Show every misclassified test image again, the most confident mistakes first.</source>
        <translation>Показва отново всички грешно класифицирани тестови изображения, първо най-уверените грешки.</translation>
    </message>
    <message>
        <source>No images to show.</source>
        <translation>Няма изображения за показване.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Изображения</translation>
    </message>
    <message>
        <source>Misclassified test images with their true label, the network&apos;s answer and its confidence; or the images of the confusion-matrix cell you clicked.</source>
        <translation>Грешно класифицираните тестови изображения с истинския им етикет, отговора на мрежата и увереността ѝ; или изображенията от щракнатата клетка на матрицата на объркванията.</translation>
    </message>
    <message>
        <source>No network yet.</source>
        <translation>Още няма мрежа.</translation>
    </message>
    <message>
        <source>The network&apos;s output after softmax for this image: one probability per class.</source>
        <translation>Изходът на мрежата след softmax за това изображение: по една вероятност за всеки клас.</translation>
    </message>
    <message>
        <source>Open in Draw</source>
        <translation>Отвори в „Рисуване“</translation>
    </message>
    <message>
        <source>Put this digit on the Draw tab&apos;s canvas: change it with the pen and watch the answer change.</source>
        <translation>Поставя цифрата върху платното в раздела „Рисуване“: променете я с писалката и гледайте как се променя отговорът.</translation>
    </message>
    <message>
        <source>Chosen image</source>
        <translation>Избрано</translation>
    </message>
    <message>
        <source>One test image, clicked under Images: every class&apos;s probability, and a button that puts it on the Draw tab.</source>
        <translation>Едно тестово изображение, щракнато в „Изображения“: вероятността за всеки клас и бутон, който го поставя в раздела „Рисуване“.</translation>
    </message>
    <message>
        <source>test accuracy %1 — %2 of %3 misclassified</source>
        <translation>тестова точност %1 — %2 от %3 са грешно класифицирани</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 — bars from %2 to 100%</source>
        <translation>%1 — ленти от %2 до 100%</translation>
    </message>
    <message>
        <source>%1 — bars from 0 to 100%</source>
        <translation>%1 — ленти от 0 до 100%</translation>
    </message>
    <message>
        <source>Neuron %1 of the first hidden layer: largest |weight| %2. Orange pixels have positive weights (ink there excites the neuron), blue ones negative (ink there inhibits it), grey ones hardly matter.</source>
        <translation>Неврон %1 от първия скрит слой: най-голямо |тегло| %2. Оранжевите пиксели имат положителни тегла (мастило там възбужда неврона), сините — отрицателни (мастило там го потиска), сивите почти нямат значение.</translation>
    </message>
    <message>
        <source>Test image #%1: true “%2”, predicted “%3” with probability %4</source>
        <translation>Тестово изображение №%1: истински „%2“, предсказан „%3“ с вероятност %4</translation>
    </message>
    <message numerus="yes">
        <source>%Ln misclassified test image(s), the most confident mistakes first</source>
        <translation>
            <numerusform>%Ln грешно класифицирано тестово изображение, първо най-уверените грешки</numerusform>
            <numerusform>%Ln грешно класифицирани тестови изображения, първо най-уверените грешки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln test image(s) of “%1” classified correctly, the least confident first</source>
        <translation>
            <numerusform>%Ln тестово изображение на „%1“, класифицирано правилно, първо най-неуверените</numerusform>
            <numerusform>%Ln тестови изображения на „%1“, класифицирани правилно, първо най-неуверените</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln test image(s) of “%1” classified as “%2”</source>
        <translation>
            <numerusform>%Ln тестово изображение на „%1“, класифицирано като „%2“</numerusform>
            <numerusform>%Ln тестови изображения на „%1“, класифицирани като „%2“</numerusform>
        </translation>
    </message>
    <message>
        <source> (showing %1)</source>
        <translation> (показани са %1)</translation>
    </message>
    <message>
        <source>Caption: true → predicted, confidence.</source>
        <translation>Надпис: истински → предсказан, увереност.</translation>
    </message>
    <message>
        <source>Test image #%1: true “%2”, the network says “%3” (%4) — right.</source>
        <translation>Тестово изображение №%1: истински „%2“, мрежата казва „%3“ (%4) — вярно.</translation>
    </message>
    <message>
        <source>Test image #%1: true “%2”, the network says “%3” (%4) — wrong.</source>
        <translation>Тестово изображение №%1: истински „%2“, мрежата казва „%3“ (%4) — грешно.</translation>
    </message>
    <message>
        <source>This network (%1)</source>
        <translation>Тази мрежа (%1)</translation>
    </message>
    <message>
        <source>Train a new network?</source>
        <translation>Да се обучи ли нова мрежа?</translation>
    </message>
    <message>
        <source>Training now starts from new random weights and replaces the network trained here (its curves and evaluation too). Save it first with File → Save model… (Ctrl+Alt+S) to keep it.</source>
        <translation>Обучението сега започва от нови случайни тегла и заменя обучената тук мрежа (и кривите, и оценката ѝ). За да я запазите, първо я запишете с Файл → Запиши модела… (Ctrl+Alt+S).</translation>
    </message>
    <message>
        <source>Train a new network</source>
        <translation>Обучи нова мрежа</translation>
    </message>
    <message>
        <source>Save the MNIST network</source>
        <translation>Запис на мрежата за MNIST</translation>
    </message>
    <message>
        <source>Open a network for the MNIST lab</source>
        <translation>Отваряне на мрежа за MNIST лабораторията</translation>
    </message>
    <message>
        <source>Load the data first: the samples are training images.</source>
        <translation>Първо заредете данните: примерите са тренировъчни изображения.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Мрежа</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Примери</translation>
    </message>
    <message>
        <source>The training images, by class.</source>
        <translation>Тренировъчните изображения, по класове.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Loss and accuracy curves, live while training.</source>
        <translation>Криви на загубата и точността, на живо по време на обучението.</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Test accuracy, per-class accuracy, confusion matrix, mistakes and first-layer weights.</source>
        <translation>Тестова точност, точност по класове, матрица на объркванията, грешки и тегла на първия слой.</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Рисуване</translation>
    </message>
    <message>
        <source>Draw a digit and watch the network read it.</source>
        <translation>Нарисувайте цифра и гледайте как мрежата я разчита.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Опити</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Запиши модела…</translation>
    </message>
    <message>
        <source>Save the MNIST lab&apos;s trained network as an .npz model file.</source>
        <translation>Записва обучената в MNIST лабораторията мрежа като файл с модел .npz.</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>Отвори модел…</translation>
    </message>
    <message>
        <source>Load a network saved by MLP Studio (an .npz model file) into the MNIST lab.</source>
        <translation>Зарежда мрежа, записана от MLP Studio (файл с модел .npz), в MNIST лабораторията.</translation>
    </message>
    <message>
        <source>the model shipped with MLP Studio</source>
        <translation>моделът, доставен с MLP Studio</translation>
    </message>
    <message>
        <source>the network trained here (epoch %1)</source>
        <translation>мрежата, обучена тук (епоха %1)</translation>
    </message>
    <message>
        <source>the network trained here (stopped in epoch %1)</source>
        <translation>мрежата, обучена тук (спряна в епоха %1)</translation>
    </message>
    <message>
        <source>the network trained here (epoch %1, last good weights)</source>
        <translation>мрежата, обучена тук (епоха %1, последни добри тегла)</translation>
    </message>
    <message>
        <source>the model from %1</source>
        <translation>моделът от %1</translation>
    </message>
    <message>
        <source>the project&apos;s network</source>
        <translation>мрежата на проекта</translation>
    </message>
    <message>
        <source>MNIST lab</source>
        <translation>MNIST лаборатория</translation>
    </message>
    <message>
        <source>The shipped model could not be read: %1</source>
        <translation>Доставеният модел не може да се прочете: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 training and %3 of %4×%5 pixels, %6.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 тренировъчни и %3 от %4×%5 пиксела, %6.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln class(es)</source>
        <translation>
            <numerusform>%Ln клас</numerusform>
            <numerusform>%Ln класа</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>Моделът не може да се отвори</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>Този модел не може да се използва</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>Моделът не може да се запише</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Клас:</translation>
    </message>
    <message>
        <source>Show training images of one class, or a few of every class. Looking at the data first tells you how hard the task is and which classes look alike.</source>
        <translation>Показва тренировъчни изображения от един клас или по няколко от всеки клас. Като погледнете първо данните, виждате колко трудна е задачата и кои класове си приличат.</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>Разбъркай</translation>
    </message>
    <message>
        <source>Show a different random selection of training images.</source>
        <translation>Показва друг случаен избор от тренировъчни изображения.</translation>
    </message>
    <message>
        <source>No data loaded yet. Load MNIST (or another IDX folder) in the side panel.</source>
        <translation>Още няма заредени данни. Заредете MNIST (или друга IDX папка) от страничния панел.</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Всички класове</translation>
    </message>
    <message>
        <source>Training image #%1: %2</source>
        <translation>Тренировъчно изображение №%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 training and %Ln test image(s), %3 (%4–%5 per class)</source>
        <translation>
            <numerusform>%1: %2 тренировъчни и %Ln тестово, %3 (%4–%5 на клас)</numerusform>
            <numerusform>%1: %2 тренировъчни и %Ln тестови, %3 (%4–%5 на клас)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln training image(s) of class “%1”</source>
        <translation>
            <numerusform>%Ln тренировъчно изображение от клас „%1“</numerusform>
            <numerusform>%Ln тренировъчни изображения от клас „%1“</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop training before loading other data.</source>
        <translation>Спрете обучението, преди да заредите други данни.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Зареждане на %1…</translation>
    </message>
    <message>
        <source>Loaded %1: %2 training and %3 of %4×%5 pixels.</source>
        <translation>Зареден е %1: %2 тренировъчни и %3 по %4×%5 пиксела.</translation>
    </message>
    <message>
        <source>Cannot load the data</source>
        <translation>Данните не могат да се заредят</translation>
    </message>
    <message>
        <source>The project&apos;s data folder %1 is missing; keeping the current data.</source>
        <translation>Папката с данни на проекта %1 липсва; остават текущите данни.</translation>
    </message>
    <message>
        <source>The shipped model</source>
        <translation>Доставеният модел</translation>
    </message>
    <message>
        <source>No evaluation on %1: %2</source>
        <translation>Няма оценка върху %1: %2</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Няма нищо за записване</translation>
    </message>
    <message>
        <source>There is no trained network yet: train one first.</source>
        <translation>Все още няма обучена мрежа: първо обучете една.</translation>
    </message>
    <message>
        <source>Model saved to %1.</source>
        <translation>Моделът е записан в %1.</translation>
    </message>
    <message>
        <source>Cannot load a model now</source>
        <translation>Сега не може да се зареди модел</translation>
    </message>
    <message>
        <source>Stop training before loading a model.</source>
        <translation>Спрете обучението, преди да заредите модел.</translation>
    </message>
    <message>
        <source>Loaded %1: %2.</source>
        <translation>Зареден е %1: %2.</translation>
    </message>
    <message>
        <source>Loading the data first; one epoch starts when it is there.</source>
        <translation>Първо се зареждат данните; една епоха започва, щом са готови.</translation>
    </message>
    <message>
        <source>Loading the data first; training starts when it is there.</source>
        <translation>Първо се зареждат данните; обучението започва, щом са готови.</translation>
    </message>
    <message>
        <source>Training continues from epoch %1.</source>
        <translation>Обучението продължава от епоха %1.</translation>
    </message>
    <message>
        <source>Settings changed: training starts from new random weights.</source>
        <translation>Настройките са променени: обучението започва от нови случайни тегла.</translation>
    </message>
    <message>
        <source>Training starts from new random weights.</source>
        <translation>Обучението започва от нови случайни тегла.</translation>
    </message>
    <message>
        <source>Weights forgotten: the next run starts from new random weights.</source>
        <translation>Теглата са забравени: следващото обучение започва от нови случайни тегла.</translation>
    </message>
    <message>
        <source>Epoch %1: test accuracy %2%, test loss %3.</source>
        <translation>Епоха %1: точност на теста %2%, загуба на теста %3.</translation>
    </message>
    <message>
        <source>Paused in epoch %1.</source>
        <translation>Пауза в епоха %1.</translation>
    </message>
    <message>
        <source>Paused after epoch %1.</source>
        <translation>Пауза след епоха %1.</translation>
    </message>
    <message>
        <source>Training finished after %1.</source>
        <translation>Обучението завърши след %1.</translation>
    </message>
    <message>
        <source>Training stopped.</source>
        <translation>Обучението е спряно.</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Обучението е спряно</translation>
    </message>
    <message>
        <source>MNIST lab state: %1</source>
        <translation>Състояние на лабораторията MNIST: %1</translation>
    </message>
    <message>
        <source>%1 is a regression network (it predicts numbers); the MNIST lab needs a classifier.</source>
        <translation>%1 е регресионна мрежа (предсказва числа); лабораторията MNIST има нужда от класификатор.</translation>
    </message>
    <message>
        <source>%1 has no weight layer.</source>
        <translation>%1 няма слой с тегла.</translation>
    </message>
    <message>
        <source>the MNIST lab</source>
        <translation>лабораторията MNIST</translation>
    </message>
    <message>
        <source>%1 in the MNIST lab</source>
        <translation>%1 в лабораторията MNIST</translation>
    </message>
    <message>
        <source>%1 takes %2; %3 needs %4 (%5×%6 pixels).</source>
        <translation>%1 приема %2; %3 има нужда от %4 (%5×%6 пиксела).</translation>
    </message>
    <message>
        <source>%1 was made in the playground: it computes input features (%2) from two coordinates. The MNIST lab feeds it raw pixels.</source>
        <translation>%1 е създадена в площадката: тя изчислява входни характеристики (%2) от две координати. Лабораторията MNIST ѝ подава сурови пиксели.</translation>
    </message>
    <message>
        <source>%1 has %2 (%3); %4 has %5, and the network needs one output per class.</source>
        <translation>%1 има %2 (%3); %4 има %5, а мрежата има нужда от по един изход за всеки клас.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln input(s)</source>
        <translation>
            <numerusform>%Ln вход</numerusform>
            <numerusform>%Ln входа</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln output(s)</source>
        <translation>
            <numerusform>%Ln изход</numerusform>
            <numerusform>%Ln изхода</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln epoch(s)</source>
        <translation>
            <numerusform>%Ln епоха</numerusform>
            <numerusform>%Ln епохи</numerusform>
        </translation>
    </message>
    <message>
        <source>No network yet: train one, or load a model (Ctrl+Alt+O).</source>
        <translation>Все още няма мрежа: обучете една или заредете модел (Ctrl+Alt+O).</translation>
    </message>
    <message>
        <source>Reading with the shipped model (%1) until you train one: %2.</source>
        <translation>Разпознаване с доставения модел (%1), докато не обучите свой: %2.</translation>
    </message>
    <message>
        <source>Reading with the shipped model until you train one: %1.</source>
        <translation>Разпознаване с доставения модел, докато не обучите свой: %1.</translation>
    </message>
    <message>
        <source>Reading with %1: %2, test accuracy %3.</source>
        <translation>Разпознаване с %1: %2, точност на теста %3.</translation>
    </message>
    <message>
        <source>Reading with %1: %2.</source>
        <translation>Разпознаване с %1: %2.</translation>
    </message>
    <message>
        <source>Epoch %1: test accuracy &lt;b&gt;%2%&lt;/b&gt; (training %3%)</source>
        <translation>Епоха %1: точност на теста &lt;b&gt;%2%&lt;/b&gt; (обучение %3%)</translation>
    </message>
    <message>
        <source>, %1 s</source>
        <translation>, %1 s</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>Подготовка на данните…</translation>
    </message>
    <message>
        <source>Waiting for the data…</source>
        <translation>Изчакване на данните…</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Готово: %1</translation>
    </message>
    <message>
        <source>Stopped in epoch %1</source>
        <translation>Спряно в епоха %1</translation>
    </message>
    <message>
        <source>Training stopped: see the message</source>
        <translation>Обучението е спряно: вижте съобщението</translation>
    </message>
    <message>
        <source>Restored from the project</source>
        <translation>Възстановено от проекта</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>Зареден %1</translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation>Още не е обучена</translation>
    </message>
    <message>
        <source>~10 s</source>
        <translation>~10 с</translation>
    </message>
    <message>
        <source>~30 s</source>
        <translation>~30 с</translation>
    </message>
    <message>
        <source>~20 min</source>
        <translation>~20 мин</translation>
    </message>
    <message>
        <source>~2 s</source>
        <translation>~2 с</translation>
    </message>
    <message>
        <source>~1 s</source>
        <translation>~1 с</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Готов избор:</translation>
    </message>
    <message>
        <source>Ready-made networks and settings (hover over each for its accuracy and time). &apos;Standard&apos; reaches about 98.2% in 10 epochs, &apos;Accurate&apos; about 98.5% in about half a minute, &apos;Robust&apos; trains on augmented images for the shipped model (many minutes); &apos;Quick&apos; and &apos;Tiny&apos; train in seconds. Editing the network makes it &apos;Custom&apos;.</source>
        <translation>Готови мрежи и настройки (задръжте мишката над всяка за точността и времето ѝ). „Стандартна“ достига около 98,2% за 10 епохи, „Точна“ — около 98,5% за около половин минута, „Устойчива“ се обучава върху аугментирани изображения за доставения модел (много минути); „Бърза“ и „Мъничка“ се обучават за секунди. Промяна на мрежата я прави „Собствена“.</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Епохи:</translation>
    </message>
    <message>
        <source>An epoch is one pass over all training images, in random minibatches. More epochs fit the training set better; when test accuracy stops rising while training accuracy keeps going up, the network is overfitting.</source>
        <translation>Една епоха е едно преминаване през всички тренировъчни изображения, на случайни минибатчове. Повече епохи напасват по-добре тренировъчния набор; когато тестовата точност спре да расте, а тренировъчната продължава нагоре, мрежата се преобучава.</translation>
    </message>
    <message>
        <source>Augment images</source>
        <translation>Аугментация</translation>
    </message>
    <message>
        <source>Augmentation: every epoch, each training image is changed anew at random (rotation, scale, slant, shift, stroke width, elastic distortion) with the same label. The network learns digits from more hands; an epoch takes longer. Test images are never changed.</source>
        <translation>Аугментация: във всяка епоха всяко тренировъчно изображение се променя наново на случаен принцип (завъртане, мащаб, наклон, изместване, дебелина на щриха, еластично изкривяване) със същия етикет. Мрежата учи цифри от повече почерци; една епоха трае по-дълго. Тестовите изображения никога не се променят.</translation>
    </message>
    <message>
        <source>Show samples…</source>
        <translation>Покажи примери…</translation>
    </message>
    <message>
        <source>A grid of training images next to random augmented variants of each.</source>
        <translation>Таблица от тренировъчни изображения до случайни аугментирани варианти на всяко.</translation>
    </message>
    <message>
        <source>Start training (Space). After Pause or Stop it continues from the current weights, unless the network or data changed.</source>
        <translation>Започва обучението (Space). След „Пауза“ или „Стоп“ продължава от текущите тегла, освен ако мрежата или данните са се променили.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Pause training between two minibatches (Space). The weights are kept.</source>
        <translation>Спира обучението на пауза между два минибатча (Space). Теглата се запазват.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>End this run now, even in the middle of an epoch, and evaluate the network as it is.</source>
        <translation>Прекратява това обучение веднага, дори по средата на епоха, и оценява мрежата каквато е.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Нулирай</translation>
    </message>
    <message>
        <source>Forget the trained weights and the curves: the next run starts from new random weights W⁽⁰⁾, b⁽⁰⁾ (R).</source>
        <translation>Забравя обучените тегла и кривите: следващото обучение започва от нови случайни тегла W⁽⁰⁾, b⁽⁰⁾ (R).</translation>
    </message>
    <message>
        <source>Epoch and minibatch of this run, and the estimated time left.</source>
        <translation>Епоха и минибатч на това обучение и очакваното оставащо време.</translation>
    </message>
    <message>
        <source>Accuracy on the 10,000 test images, which the network never trains on: it measures how well it generalises to new handwriting.</source>
        <translation>Точност върху 10 000-те тестови изображения, върху които мрежата никога не се обучава: мери колко добре обобщава към нов почерк.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Собствена</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · batch %3/%4 · %5 left</source>
        <translation>Епоха %1/%2 · минибатч %3/%4 · остават %5</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продължи</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Обучи</translation>
    </message>
    <message>
        <source>Train a network to see its learning curves here.</source>
        <translation>Обучете мрежа, за да видите кривите ѝ тук.</translation>
    </message>
    <message>
        <source>The generalisation gap: accuracy on training images minus accuracy on test images, both measured after the epoch with the same weights (10,000 images each). A network that only memorises its training images scores much better on them than on new ones: when the gap keeps growing while the test loss turns up, it overfits. Remedies to try: fewer epochs, more training images, dropout, L2, or a smaller network.</source>
        <translation>Разликата в обобщаването: точността върху тренировъчните изображения минус точността върху тестовите, и двете измерени след епохата със същите тегла (по 10 000 изображения). Мрежа, която само запомня тренировъчните си изображения, се справя много по-добре с тях, отколкото с нови: когато разликата продължава да расте, а тестовата загуба тръгне нагоре, мрежата се преобучава. Какво да опитате: по-малко епохи, повече тренировъчни изображения, отпадане на неврони, L2 или по-малка мрежа.</translation>
    </message>
    <message>
        <source>How large the weights of each layer are: the solid line is the largest |w| in the layer&apos;s weight matrix W, the dashed line the mean |w|, sampled a few times a second and after every epoch (0 = the random initial weights). Gradient descent keeps pushing some weights up to make the training loss smaller; steadily growing weights are a sign the network starts to fit noise in the training images. L2 (weight decay) holds them back; a too-high learning rate makes them jump. Compare activations: the same network with tanh or sigmoid grows its weights very differently than with ReLU.</source>
        <translation>Колко големи са теглата на всеки слой: плътната линия е най-голямото |w| в матрицата с тегла W на слоя, пунктирната — средното |w|, измервани няколко пъти в секунда и след всяка епоха (0 = случайните начални тегла). Градиентният спуск продължава да увеличава някои тегла, за да намали тренировъчната загуба; постоянно растящи тегла са знак, че мрежата започва да напасва шума в тренировъчните изображения. L2 (затихване на теглата) ги задържа; твърде висока скорост на обучение ги кара да скачат. Сравнете активационните функции: същата мрежа с tanh или sigmoid развива теглата си съвсем различно от тази с ReLU.</translation>
    </message>
    <message>
        <source>Test accuracy: the share of the 10,000 test images (never used for training) that the network classifies correctly. 1 − accuracy is the 0-1 loss.</source>
        <translation>Тестова точност: делът от 10 000-те тестови изображения (никога не използвани за обучение), които мрежата класифицира правилно. 1 − точността е 0-1 загубата.</translation>
    </message>
    <message>
        <source>Cross-entropy loss L, the quantity gradient descent makes small. Thin line: the loss of each minibatch, smoothed. Dots: the mean loss after each epoch on 10,000 training images and on the 10,000 test images. When the test loss turns up while the training loss keeps falling, the network overfits.</source>
        <translation>Функцията на загубите L (кръстосана ентропия) — величината, която градиентният спуск намалява. Тънка линия: загубата на всеки минибатч, изгладена. Точки: средната загуба след всяка епоха върху 10 000 тренировъчни и върху 10 000-те тестови изображения. Когато тестовата загуба тръгне нагоре, а тренировъчната продължава да пада, мрежата се преобучава.</translation>
    </message>
    <message>
        <source>Accuracy on training images and on the test images, both measured after each epoch with the same weights: the vertical distance between the two is the generalisation gap. The thin line is a live estimate on 1,000 test images, measured about three times a second while training.</source>
        <translation>Точност върху тренировъчните и върху тестовите изображения, и двете измерени след всяка епоха със същите тегла: вертикалното разстояние между тях е разликата в обобщаването. Тънката линия е оценка на живо върху 1000 тестови изображения, измервана около три пъти в секунда по време на обучението.</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>загуба</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>точност (%)</translation>
    </message>
    <message>
        <source>|weight|</source>
        <translation>|тегло|</translation>
    </message>
    <message>
        <source>train (after each epoch)</source>
        <translation>тренировъчни (след всяка епоха)</translation>
    </message>
    <message>
        <source>test (after each epoch)</source>
        <translation>тестови (след всяка епоха)</translation>
    </message>
    <message>
        <source>minibatch (smoothed)</source>
        <translation>минибатч (изгладено)</translation>
    </message>
    <message>
        <source>test (live, 1,000 images)</source>
        <translation>тестови (на живо, 1000 изображения)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>епоха</translation>
    </message>
    <message>
        <source>Test accuracy (live estimate, 1,000 images): %1</source>
        <translation>Тестова точност (на живо, 1000 изображения): %1</translation>
    </message>
    <message>
        <source>Test accuracy after epoch %1: &lt;b&gt;%2&lt;/b&gt;&amp;nbsp;&amp;nbsp; (training images: %3)</source>
        <translation>Епоха %1: тестова точност &lt;b&gt;%2&lt;/b&gt;&amp;nbsp;&amp;nbsp; (обучение %3)</translation>
    </message>
    <message>
        <source>gap: train − test = %1 points</source>
        <translation>разлика: трен. − тест = %1 пункта</translation>
    </message>
    <message>
        <source>Overfitting: the test loss has risen since epoch %1 while the training loss keeps falling.</source>
        <translation>Преобучение: тестовата загуба расте от епоха %1 насам, а тренировъчната продължава да пада.</translation>
    </message>
    <message>
        <source>The network does clearly better on its training images than on new ones.</source>
        <translation>Мрежата се справя явно по-добре с тренировъчните си изображения, отколкото с нови.</translation>
    </message>
    <message>
        <source>No sign of overfitting yet: the test loss is still at its lowest.</source>
        <translation>Още няма признак на преобучение: тестовата загуба е все още най-ниска.</translation>
    </message>
    <message>
        <source>Size of the weights of each layer (after training starts)</source>
        <translation>Големина на теглата на всеки слой (след началото на обучението)</translation>
    </message>
    <message>
        <source>Size of the weights — solid: largest |w|, dashed: mean |w| —&amp;nbsp;&amp;nbsp;%1</source>
        <translation>Големина на теглата — плътна: най-голямото |w|, пунктир: средното |w| —&amp;nbsp;&amp;nbsp;%1</translation>
    </message>
    <message>
        <source>Left click: add a point of the selected class · drag: paint points · right click or the eraser: remove the nearest point. Filled dots are training points, rings are test points the network never trains on.</source>
        <translation>Ляв клик: добавя точка от избрания клас · влачене: рисува точки · десен клик или гумата: премахва най-близката точка. Плътните точки са тренировъчни, кръгчетата са тестови точки, върху които мрежата никога не се обучава.</translation>
    </message>
    <message>
        <source>Classification (2D)</source>
        <translation>Класификация (2D)</translation>
    </message>
    <message>
        <source>Regression (2D surface)</source>
        <translation>Регресия (2D повърхнина)</translation>
    </message>
    <message>
        <source>Regression (1D curve)</source>
        <translation>Регресия (1D крива)</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Кръг</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Петна</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>Спирала</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>Полумесеци</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>Равнина</translation>
    </message>
    <message>
        <source>Gaussian bumps</source>
        <translation>Гаусови хълмове</translation>
    </message>
    <message>
        <source>Sine curve</source>
        <translation>Синусоида</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>оранжев</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>син</translation>
    </message>
    <message>
        <source>green</source>
        <translation>зелен</translation>
    </message>
    <message>
        <source>red</source>
        <translation>червен</translation>
    </message>
    <message>
        <source>sky blue</source>
        <translation>небесносин</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>лилав</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>жълт</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>сив</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data&lt;/b&gt;</source>
        <translation>&lt;b&gt;Данни&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Classification: predict a class for each point (softmax + cross-entropy). Regression: predict a number (a linear output, squared or absolute error). Each task keeps its own points.</source>
        <translation>Класификация: предсказва клас за всяка точка (softmax + кръстосана ентропия). Регресия: предсказва число (линеен изход, квадратична или абсолютна грешка). Всяка задача пази своите точки.</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Класове</translation>
    </message>
    <message>
        <source>How many classes (2–8). The output layer has one neuron per class. Fewer classes removes the points of the dropped ones (Undo brings them back).</source>
        <translation>Колко класа (2–8). Изходният слой има по един неврон за всеки клас. По-малко класове премахва точките на отпадналите (Отмяната ги връща).</translation>
    </message>
    <message>
        <source>New point value</source>
        <translation>Стойност y</translation>
    </message>
    <message>
        <source>The target value y given to points you click (2D regression).</source>
        <translation>Целевата стойност y на точките, които добавяте с клик (2D регресия).</translation>
    </message>
    <message>
        <source>Draw class %1 (%2); key %3.</source>
        <translation>Рисувай клас %1 (%2); клавиш %3.</translation>
    </message>
    <message>
        <source>✎ Add</source>
        <translation>✎ Добави</translation>
    </message>
    <message>
        <source>Left click adds a point, dragging paints a stream of points.</source>
        <translation>Ляв клик добавя точка, влаченето рисува поредица от точки.</translation>
    </message>
    <message>
        <source>⌫ Erase</source>
        <translation>⌫ Изтрий</translation>
    </message>
    <message>
        <source>Left click (or drag) removes the nearest points. Right click always erases.</source>
        <translation>Ляв клик (или влачене) премахва най-близките точки. Десен клик винаги изтрива.</translation>
    </message>
    <message>
        <source>Undo the last change to the points or to the network (a changed network gets its trained weights back) (Ctrl+Z).</source>
        <translation>Отменя последната промяна на точките или на мрежата (променена мрежа си връща обучените тегла) (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z).</source>
        <translation>Повтаря (Ctrl+Shift+Z).</translation>
    </message>
    <message>
        <source>Remove all points of this task (Undo brings them back).</source>
        <translation>Премахва всички точки на тази задача (Отмяната ги връща).</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>A ready-made data set; picking one draws a fresh sample (Undo brings the old points back). Circle and XOR are not linearly separable: a network without hidden layers (or hand-made features) cannot solve them.</source>
        <translation>Готов набор от данни; изборът му тегли нова извадка (Отмяната връща старите точки). Кръг и XOR не са линейно разделими: мрежа без скрити слоеве (или ръчно добавени характеристики) не може да ги реши.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Генерирай</translation>
    </message>
    <message>
        <source>Replace the points with a fresh sample of the preset (Undo brings the old points back).</source>
        <translation>Заменя точките с нова извадка от шаблона (Отмяната връща старите точки).</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <source>How many points the preset makes. More data makes each epoch longer but the learned boundary more trustworthy.</source>
        <translation>Колко точки създава шаблонът. Повече данни удължават всяка епоха, но научената граница на решение е по-надеждна.</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Шум</translation>
    </message>
    <message>
        <source>Random jitter added to the points (in plane units). Noisy data tempts a big network to overfit: watch the test loss rise while the training loss falls.</source>
        <translation>Случайно отместване на точките (в единици на равнината). Шумните данни подтикват голяма мрежа към преобучение: загубата на тестовия набор расте, докато тренировъчната пада.</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Тестов дял</translation>
    </message>
    <message>
        <source>Share of points held out as a test set. The network never trains on them, so the test loss shows how well it generalises.</source>
        <translation>Делът на точките, отделени като тестов набор. Мрежата никога не се обучава върху тях, затова тестовата загуба показва колко добре обобщава.</translation>
    </message>
    <message>
        <source>Show test points</source>
        <translation>Тестови точки</translation>
    </message>
    <message>
        <source>Draw the held-out test points as rings. They never change the training.</source>
        <translation>Рисува отделените тестови точки като кръгчета. Те никога не влияят на обучението.</translation>
    </message>
    <message>
        <source>Show only the predicted class (or value bands) instead of shading by how sure the network is.</source>
        <translation>Показва само предсказания клас (или ивици от стойности) вместо оцветяване според увереността на мрежата.</translation>
    </message>
    <message>
        <source>Discretize (2D only)</source>
        <translation>Дискретна (само 2D)</translation>
    </message>
    <message>
        <source>Discretize map</source>
        <translation>Дискретна карта</translation>
    </message>
    <message numerus="yes">
        <source>%n training points</source>
        <translation>
            <numerusform>%n тренировъчна точка</numerusform>
            <numerusform>%n тренировъчни точки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test points</source>
        <translation>
            <numerusform>%n тестова точка</numerusform>
            <numerusform>%n тестови точки</numerusform>
        </translation>
    </message>
    <message>
        <source>Diagnoses of this run, from its loss curves and its hidden units on the training points. Each goes away when its cause does.</source>
        <translation>Диагнози на това обучение според кривите на загубата и скритите неврони върху тренировъчните точки. Всяка изчезва, щом изчезне причината ѝ.</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>Опитайте:</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>тегла</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>градиенти</translation>
    </message>
    <message>
        <source>Draw each weight w: line width |w|, orange positive, blue negative; each square is what that neuron computes over the plane.</source>
        <translation>Рисува всяко тегло w: дебелина на линията |w|, оранжево положително, синьо отрицателно; всяко квадратче е това, което невронът изчислява върху равнината.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Покажи:</translation>
    </message>
    <message>
        <source>one scale per layer</source>
        <translation>обща скала за слой</translation>
    </message>
    <message>
        <source>Off: each ReLU or linear neuron&apos;s picture is coloured over its own output range, so every pattern shows (a blank square: output 0 everywhere, a dead unit). On: one colour scale per layer, so neurons can be compared. Tanh and sigmoid neurons always use their fixed range.</source>
        <translation>Изключено: картината на всеки ReLU или линеен неврон е оцветена според собствения му обхват на изхода, така че всеки шаблон се вижда (празно квадратче: изход 0 навсякъде, мъртъв неврон). Включено: една цветова скала за слой, така че невроните могат да се сравняват. Tanh и Sigmoid невроните винаги използват фиксирания си обхват.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Няма какво да се отмени.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Undone: the network is back as it was.</source>
        <translation>Отменено: мрежата е отново такава, каквато беше.</translation>
    </message>
    <message>
        <source>Undone: the network trained for %1 epoch is back, with its weights and loss curve.</source>
        <translation>Отменено: мрежата, обучавана %1 епоха, се върна с теглата и кривата на загубата си.</translation>
    </message>
    <message>
        <source>Undone: the network trained for %1 epochs is back, with its weights and loss curve.</source>
        <translation>Отменено: мрежата, обучавана %1 епохи, се върна с теглата и кривата на загубата си.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Няма какво да се повтори.</translation>
    </message>
    <message>
        <source>Redone.</source>
        <translation>Повторено.</translation>
    </message>
    <message>
        <source>Redone: the network is back as it was.</source>
        <translation>Повторено: мрежата е отново такава, каквато беше.</translation>
    </message>
    <message>
        <source>Redone: the network trained for %1 epoch is back, with its weights and loss curve.</source>
        <translation>Повторено: мрежата, обучавана %1 епоха, се върна с теглата и кривата на загубата си.</translation>
    </message>
    <message>
        <source>Redone: the network trained for %1 epochs is back, with its weights and loss curve.</source>
        <translation>Повторено: мрежата, обучавана %1 епохи, се върна с теглата и кривата на загубата си.</translation>
    </message>
    <message>
        <source>Pause training first: the network cannot change while it trains.</source>
        <translation>Първо спрете обучението на пауза: мрежата не може да се променя, докато се обучава.</translation>
    </message>
    <message>
        <source>Paused at epoch %1, step %2.</source>
        <translation>Пауза на епоха %1, стъпка %2.</translation>
    </message>
    <message>
        <source>One step: minibatch %1 of %2 in epoch %3, loss %4; every weight moved by −η·∂L/∂w of this minibatch.</source>
        <translation>Една стъпка: минибатч %1 от %2 в епоха %3, загуба %4; всяко тегло се премести с −η·∂L/∂w на този минибатч.</translation>
    </message>
    <message>
        <source>Reached the maximum of %1 epochs.</source>
        <translation>Достигнат е максимумът от %1 епохи.</translation>
    </message>
    <message>
        <source>Training loss %1 reached the target %2 at epoch %3.</source>
        <translation>Загубата при обучение %1 достигна целта %2 на епоха %3.</translation>
    </message>
    <message>
        <source>Trained epoch %1: training loss %2.</source>
        <translation>Обучена е епоха %1: загуба при обучение %2.</translation>
    </message>
    <message>
        <source>The training loss jumped from %1 to %2: with learning rate %3 the steps overshoot the minimum. Try a smaller learning rate.</source>
        <translation>Загубата при обучение скочи от %1 на %2: при скорост на обучение %3 стъпките прескачат минимума. Опитайте с по-малка скорост на обучение.</translation>
    </message>
    <message>
        <source>2D playground</source>
        <translation>2D площадка</translation>
    </message>
    <message>
        <source>Cannot use this network: %1</source>
        <translation>Тази мрежа не може да се използва: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Network&lt;/b&gt;</source>
        <translation>&lt;b&gt;Мрежа&lt;/b&gt;</translation>
    </message>
    <message>
        <source>There are no points to export: add some first.</source>
        <translation>Няма точки за експортиране: първо добавете някои.</translation>
    </message>
    <message>
        <source>The network: inputs on the left, the output on the right. Each line is a weight (orange positive, blue negative, thicker = larger). Each square shows what that neuron computes over the input plane; hover one to see it large, hover a line to read its weight.</source>
        <translation>Мрежата: входовете отляво, изходът отдясно. Всяка линия е тегло (оранжево положително, синьо отрицателно, по-дебело = по-голямо). Всяко квадратче показва какво изчислява невронът върху входната равнина; посочете го, за да го видите в голям размер, посочете линия, за да прочетете теглото ѝ.</translation>
    </message>
    <message>
        <source>Backpropagation: the loss&apos;s gradient flows from the output back through every layer (chain rule); thick lines are the weights that this step changes most. Line width = |∂L/∂w| (scaled per layer; the layer&apos;s largest value is written below it — tiny numbers on the left mean vanishing gradients). Colour = the direction of the update −η∂L/∂w: orange raises the weight, blue lowers it. The bar under each neuron is its error signal δ = ∂L/∂z (averaged over the minibatches; orange: the update raises z). Hover a line or a neuron for its numbers.</source>
        <translation>Обратно разпространение: градиентът на функцията на загубите тече от изхода назад през всеки слой (правило за диференциране на съставни функции); дебелите линии са теглата, които тази стъпка променя най-много. Дебелина на линията = |∂L/∂w| (мащабирана по слоеве; най-голямата стойност на слоя е написана под него — много малки числа отляво означават изчезващи градиенти). Цвят = посоката на обновяването −η∂L/∂w: оранжево увеличава теглото, синьо го намалява. Лентата под всеки неврон е неговият сигнал за грешка δ = ∂L/∂z (усреднен по минибатчовете; оранжево: обновяването увеличава z). Посочете линия или неврон, за да видите числата.</translation>
    </message>
    <message>
        <source>The network appears here.</source>
        <translation>Тук ще се появи мрежата.</translation>
    </message>
    <message>
        <source>Input</source>
        <comment>diagram column</comment>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Output</source>
        <comment>diagram column</comment>
        <translation>Изход</translation>
    </message>
    <message>
        <source>Line width |∂L/∂w|; under each layer its largest value.</source>
        <translation>Дебелина |∂L/∂w|; под всеки слой – най-голямата стойност.</translation>
    </message>
    <message>
        <source>Orange: this step raises the weight, blue: lowers it · bar: δ = ∂L/∂z</source>
        <translation>Оранжево: теглото расте, синьо: намалява · лента: δ = ∂L/∂z</translation>
    </message>
    <message>
        <source>✕ dead ReLU (0 on all training points) · dashed: saturated</source>
        <translation>✕ мъртъв ReLU (0 за всички точки) · пунктир: наситен</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+още %n</numerusform>
            <numerusform>+още %n</numerusform>
        </translation>
    </message>
    <message>
        <source>layer %1 neuron %2</source>
        <translation>слой %1, неврон %2</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>изход %1</translation>
    </message>
    <message>
        <source>Weight %1 → %2: w = %3</source>
        <translation>Тегло %1 → %2: w = %3</translation>
    </message>
    <message>
        <source>raises it</source>
        <translation>го увеличава</translation>
    </message>
    <message>
        <source>lowers it</source>
        <translation>го намалява</translation>
    </message>
    <message>
        <source>leaves it</source>
        <translation>не го променя</translation>
    </message>
    <message>
        <source> · ∂L/∂w = %1: the update −η∂L/∂w %2 (%3)</source>
        <translation> · ∂L/∂w = %1: обновяването −η∂L/∂w %2 (%3)</translation>
    </message>
    <message>
        <source>New network: fresh random weights. Ctrl+Z brings back the trained one.</source>
        <translation>Нова мрежа: нови случайни тегла. Ctrl+Z връща обучената.</translation>
    </message>
    <message>
        <source>The network changed: it starts from new random weights.</source>
        <translation>Мрежата се промени: започва от нови случайни тегла.</translation>
    </message>
    <message>
        <source>New random weights. Ctrl+Z brings back the trained ones.</source>
        <translation>Нови случайни тегла. Ctrl+Z връща обучените.</translation>
    </message>
    <message>
        <source>New random weights.</source>
        <translation>Нови случайни тегла.</translation>
    </message>
    <message>
        <source>the last minibatch</source>
        <translation>последния минибатч</translation>
    </message>
    <message>
        <source>the last %1 minibatches</source>
        <translation>последните %1 минибатча</translation>
    </message>
    <message>
        <source>all training points</source>
        <translation>всички тренировъчни точки</translation>
    </message>
    <message>
        <source>The latest epoch&apos;s loss and accuracy (or R²) on the training points (solid blue curves) and the test points (dashed red curves).</source>
        <translation>Загубата и точността (или R²) от последната епоха върху тренировъчните точки (плътните сини криви) и тестовите точки (пунктирните червени криви).</translation>
    </message>
    <message>
        <source>per batch</source>
        <translation>стъпки</translation>
    </message>
    <message>
        <source>Also draw the loss of each minibatch (grey): noisy, because each step sees only a few points — that noise is the &apos;stochastic&apos; in SGD.</source>
        <translation>Рисува и загубата на всеки минибатч (в сиво): шумна е, защото всяка стъпка вижда само няколко точки — този шум е „стохастичното“ в SGD.</translation>
    </message>
    <message>
        <source>log</source>
        <translation>лог.</translation>
    </message>
    <message>
        <source>Logarithmic loss axis: shows the late, slow part of training clearly.</source>
        <translation>Логаритмична ос на загубата: ясно показва късната, бавна част от обучението.</translation>
    </message>
    <message>
        <source>recent</source>
        <translation>края</translation>
    </message>
    <message>
        <source>Show only about the last %1 epochs, so a long run&apos;s latest part stays readable (off: the whole run from epoch 0).</source>
        <translation>Показва само около последните %1 епохи, за да остане четлива последната част от дълго обучение (изключено: цялото обучение от епоха 0).</translation>
    </message>
    <message>
        <source>Loss per epoch: blue on the training points, red on the test points. When the red curve rises while the blue one falls, the network overfits.</source>
        <translation>Загуба за всяка епоха: синьо върху тренировъчните точки, червено върху тестовите. Когато червената крива расте, докато синята пада, мрежата се преобучава.</translation>
    </message>
    <message>
        <source>Accuracy (classification) or R² (regression) per epoch, training in blue, test in red.</source>
        <translation>Точност (класификация) или R² (регресия) за всяка епоха: тренировъчният набор в синьо, тестовият в червено.</translation>
    </message>
    <message>
        <source>train</source>
        <comment>curve legend</comment>
        <translation>обучение</translation>
    </message>
    <message>
        <source>test</source>
        <comment>curve legend</comment>
        <translation>тест</translation>
    </message>
    <message>
        <source> loss %1 · %2 %3</source>
        <translation> загуба %1 · %2 %3</translation>
    </message>
    <message>
        <source> (no test points)</source>
        <translation> (няма тестови точки)</translation>
    </message>
    <message>
        <source>batch</source>
        <comment>curve legend</comment>
        <translation>стъпки</translation>
    </message>
    <message>
        <source>No training yet.</source>
        <translation>Още няма обучение.</translation>
    </message>
    <message>
        <source>Cannot build this network: %1</source>
        <translation>Тази мрежа не може да се построи: %1</translation>
    </message>
    <message>
        <source>There are no training points: click on the plane to add some, pick a preset, or lower the test share.</source>
        <translation>Няма тренировъчни точки: щракнете върху равнината, за да добавите, изберете готов набор или намалете тестовия дял.</translation>
    </message>
    <message>
        <source>The training points have only one class: add points of another class (keys 1–8 pick the class) — there is nothing to tell apart yet.</source>
        <translation>Тренировъчните точки са само от един клас: добавете точки от друг клас (клавишите 1–8 избират класа) — все още няма какво да се различава.</translation>
    </message>
    <message>
        <source>Removed %1 points of the dropped classes and started a new network — Undo (Ctrl+Z) brings both back.</source>
        <translation>Премахнати са %1 точки от отпадналите класове и е започната нова мрежа — „Отмени“ (Ctrl+Z) връща и двете.</translation>
    </message>
    <message>
        <source>New output layer: fresh random weights. Ctrl+Z brings back the trained network.</source>
        <translation>Нов изходен слой: нови случайни тегла. Ctrl+Z връща обучената мрежа.</translation>
    </message>
    <message>
        <source>The canvas is full (%1 points): erase or clear some first.</source>
        <translation>Платното е пълно (%1 точки): първо изтрийте или изчистете някои.</translation>
    </message>
    <message>
        <source>No point near the click to remove.</source>
        <translation>Няма точка до мястото на щракването, която да се премахне.</translation>
    </message>
    <message>
        <source>Cleared the points — Undo (Ctrl+Z) brings them back.</source>
        <translation>Точките са изчистени — „Отмени“ (Ctrl+Z) ги връща.</translation>
    </message>
    <message>
        <source>There are no points to clear.</source>
        <translation>Няма точки за изчистване.</translation>
    </message>
    <message>
        <source>Stopped at epoch %1. The weights are kept; Train continues from them.</source>
        <translation>Спряно на епоха %1. Теглата са запазени; „Обучи“ продължава от тях.</translation>
    </message>
    <message>
        <source>%1 classes</source>
        <translation>%1 класа</translation>
    </message>
    <message>
        <source>values over the plane</source>
        <translation>стойности върху равнината</translation>
    </message>
    <message>
        <source>a curve</source>
        <translation>крива</translation>
    </message>
    <message>
        <source>Imported %1 points (%2) from %3 — Undo (Ctrl+Z) brings the old ones back.</source>
        <translation>Импортирани са %1 точки (%2) от %3 — „Отмени“ (Ctrl+Z) връща старите.</translation>
    </message>
    <message>
        <source>Loaded the model: its network is in the builder and Train continues from its weights. Removed %1 points of classes the model does not have (Undo brings them back).</source>
        <translation>Моделът е зареден: мрежата му е в конструктора и „Обучи“ продължава от теглата му. Премахнати са %1 точки от класове, които моделът няма („Отмени“ ги връща).</translation>
    </message>
    <message>
        <source>Loaded the model: its network is in the builder and Train continues from its weights.</source>
        <translation>Моделът е зареден: мрежата му е в конструктора и „Обучи“ продължава от теглата му.</translation>
    </message>
    <message>
        <source>Back to the network of this task, trained for %1 epoch.</source>
        <translation>Обратно към мрежата на тази задача, обучавана %1 епоха.</translation>
    </message>
    <message>
        <source>Back to the network of this task, trained for %1 epochs.</source>
        <translation>Обратно към мрежата на тази задача, обучавана %1 епохи.</translation>
    </message>
    <message>
        <source>1 step/frame</source>
        <translation>1 стъпка/кадър</translation>
    </message>
    <message>
        <source>3 steps/frame</source>
        <translation>3 стъпки/кадър</translation>
    </message>
    <message>
        <source>10 steps/frame</source>
        <translation>10 стъпки/кадър</translation>
    </message>
    <message>
        <source>1 epoch/frame</source>
        <translation>1 епоха/кадър</translation>
    </message>
    <message>
        <source>5 epochs/frame</source>
        <translation>5 епохи/кадър</translation>
    </message>
    <message>
        <source>25 epochs/frame</source>
        <translation>25 епохи/кадър</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>Пълна скорост</translation>
    </message>
    <message>
        <source>How much training each frame of the picture shows: from one minibatch step (one SGD update) per frame, through one epoch per frame, to full speed.</source>
        <translation>Колко обучение показва всеки кадър на картината: от една стъпка с минибатч (едно SGD обновяване) на кадър, през една епоха на кадър, до пълна скорост.</translation>
    </message>
    <message numerus="yes">
        <source>the last %n minibatches</source>
        <translation>
            <numerusform>последния %n минибатч</numerusform>
            <numerusform>последните %n минибатча</numerusform>
        </translation>
    </message>
    <message>
        <source>Input %1: the feature as the network sees it, along x.</source>
        <translation>Вход %1: характеристиката, както мрежата я вижда, по оста x.</translation>
    </message>
    <message>
        <source>Output %1: the predicted value along x.</source>
        <translation>Изход %1: предсказаната стойност по оста x.</translation>
    </message>
    <message>
        <source>Hidden layer %1, neuron %2: its activation α(z) along x.</source>
        <translation>Скрит слой %1, неврон %2: активацията му α(z) по оста x.</translation>
    </message>
    <message>
        <source>Input %1: the feature as the network sees it over the plane.</source>
        <translation>Вход %1: характеристиката, както мрежата я вижда върху равнината.</translation>
    </message>
    <message>
        <source>Output %1: the probability of class %2 over the plane.</source>
        <translation>Изход %1: вероятността за клас %2 върху равнината.</translation>
    </message>
    <message>
        <source>Output %1: the predicted value over the plane.</source>
        <translation>Изход %1: предсказаната стойност върху равнината.</translation>
    </message>
    <message>
        <source>Hidden layer %1, neuron %2: its activation α(z) over the plane — orange positive, blue negative.</source>
        <translation>Скрит слой %1, неврон %2: активацията му α(z) върху равнината — оранжево положителна, синьо отрицателна.</translation>
    </message>
    <message>
        <source> Error signal δ = ∂L/∂z = %1 (mean over %2); backpropagation passes it on to the layer before through the weights.</source>
        <translation> Сигнал за грешка δ = ∂L/∂z = %1 (средно за %2); обратното разпространение го предава на предишния слой чрез теглата.</translation>
    </message>
    <message>
        <source>Start or pause training (Space). Each step takes a minibatch, computes the loss, backpropagates its gradient and moves every weight against it.</source>
        <translation>Пуска или спира на пауза обучението (Space). Всяка стъпка взима минибатч, изчислява загубата, разпространява градиента ѝ обратно и премества всяко тегло срещу него.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Стъпка</translation>
    </message>
    <message>
        <source>One SGD step: one minibatch forward, its loss backpropagated, every weight moved by −η·∂L/∂w of that minibatch; then pause.</source>
        <translation>Една SGD стъпка: един минибатч напред, обратно разпространение на загубата му, всяко тегло преместено с −η·∂L/∂w на този минибатч; после пауза.</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>Епоха</translation>
    </message>
    <message>
        <source>Train one epoch — one pass over all training points in minibatches — then pause, to watch the boundary move one pass at a time.</source>
        <translation>Обучава една епоха — едно минаване през всички тренировъчни точки на минибатчове — после пауза, за да следите как границата се мести минаване по минаване.</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Стоп</translation>
    </message>
    <message>
        <source>End this run: the weights stay, the optimizer&apos;s memory (momentum, Adam averages) is cleared. Train continues from these weights.</source>
        <translation>Приключва това обучение: теглата остават, паметта на оптимизатора (инерция, средните на Adam) се изчиства. „Обучи“ продължава от тези тегла.</translation>
    </message>
    <message>
        <source>⟲ Reset</source>
        <translation>⟲ Нулирай</translation>
    </message>
    <message>
        <source>New random initial weights W⁽⁰⁾, b⁽⁰⁾ and an empty history. Different starting points can end in different solutions.</source>
        <translation>Нови случайни начални тегла W⁽⁰⁾, b⁽⁰⁾ и празна история. Различни начални точки могат да доведат до различни решения.</translation>
    </message>
    <message>
        <source>Epoch &lt;b&gt;%1&lt;/b&gt; &lt;br&gt;step %2</source>
        <translation>Епоха &lt;b&gt;%1&lt;/b&gt; &lt;br&gt;стъпка %2</translation>
    </message>
    <message>
        <source>Epochs (passes over the training set) and optimizer steps (minibatches) so far.</source>
        <translation>Епохите (минавания през тренировъчния набор) и стъпките на оптимизатора (минибатчове) досега.</translation>
    </message>
    <message>
        <source>Stop at epoch</source>
        <translation>Спри на епоха</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никога</translation>
    </message>
    <message>
        <source>Pause training when this many epochs are done in total (&apos;never&apos;: no limit).</source>
        <translation>Пауза, когато общо толкова епохи са изминати („никога“: без ограничение).</translation>
    </message>
    <message>
        <source>or loss ≤</source>
        <translation>или загуба ≤</translation>
    </message>
    <message>
        <source>off</source>
        <translation>изкл.</translation>
    </message>
    <message>
        <source>Pause when the training loss of an epoch falls to this value (&apos;off&apos;: never).</source>
        <translation>Пауза, когато тренировъчната загуба на епоха падне до тази стойност („изкл.“: никога).</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Пауза</translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation>▶ Обучи</translation>
    </message>
    <message>
        <source>Drawing class %1 (%2).</source>
        <translation>Рисуване на клас %1 (%2).</translation>
    </message>
    <message>
        <source>Eraser: click a point (or drag over points) to remove it.</source>
        <translation>Гума: щракнете върху точка (или влачете върху точки), за да я премахнете.</translation>
    </message>
    <message>
        <source>Gradient view: line width = |∂L/∂w|, colour = the direction of the update −η∂L/∂w; the bar under each neuron is its error signal δ. Hover a line for its numbers.</source>
        <translation>Изглед на градиента: дебелина на линията = |∂L/∂w|, цвят = посоката на промяната −η∂L/∂w; стълбчето под всеки неврон е неговият сигнал за грешка δ. Посочете линия, за да видите числата ѝ.</translation>
    </message>
    <message>
        <source>%1: the %2 part cannot be opened: %3</source>
        <translation>%1: частта „%2“ не може да се отвори: %3</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>a time on a date</comment>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без име</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Незаписани промени</translation>
    </message>
    <message>
        <source>Do you want to save the changes to %1?
If you don&apos;t save, your changes will be lost.</source>
        <translation>Да се запишат ли промените в %1?
Ако не ги запишете, промените ще бъдат загубени.</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Записване на проект</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Отваряне на проект</translation>
    </message>
    <message>
        <source>New</source>
        <comment>a new project, named at the start of an error message</comment>
        <translation>Нов проект</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Нов проект</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Отворен е %1</translation>
    </message>
    <message>
        <source>%1: not saved. %2</source>
        <translation>%1: не е записан. %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Записан е %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Автоматичното записване не успя: %1</translation>
    </message>
    <message>
        <source>MLP Studio did not close properly last time. Your unsaved work (project %1) was autosaved at %2.

Restore it? (No deletes the autosaved copy.)</source>
        <translation>Миналия път MLP Studio не се затвори нормално. Незаписаната ви работа (проект %1) е записана автоматично в %2.

Да бъде ли възстановена? („Не“ изтрива автоматично записаното копие.)</translation>
    </message>
    <message>
        <source>MLP Studio did not close properly last time. Your unsaved work was autosaved at %1.

Restore it? (No deletes the autosaved copy.)</source>
        <translation>Миналия път MLP Studio не се затвори нормално. Незаписаната ви работа е записана автоматично в %1.

Да бъде ли възстановена? („Не“ изтрива автоматично записаното копие.)</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Възстановяване на незаписаната работа?</translation>
    </message>
    <message>
        <source>the autosaved work</source>
        <translation>автоматично записаната работа</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Възстановяване на незаписаната работа</translation>
    </message>
    <message>
        <source>Recovered the work autosaved at %1; save it to keep it.</source>
        <translation>Възстановена е работата, записана автоматично в %1; запишете я, за да я запазите.</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Скрити слоеве</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Активационна функция</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорост на обучение</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Размер на минибатч</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>Hidden width</source>
        <translation>Ширина на скрития слой</translation>
    </message>
    <message>
        <source>type at least one value, separated by commas</source>
        <translation>въведете поне една стойност; разделяйте стойностите със запетая или „;“</translation>
    </message>
    <message>
        <source>%1 needs numbers, got %2</source>
        <translation>%1 изисква числа, а е въведено %2</translation>
    </message>
    <message>
        <source>%1 needs whole numbers, got %2</source>
        <translation>%1 изисква цели числа, а е въведено %2</translation>
    </message>
    <message>
        <source>Compare settings</source>
        <translation>Сравняване на настройки</translation>
    </message>
    <message>
        <source>Epochs each run of the sweep trains</source>
        <translation>Епохи на обучение за всеки опит от серията</translation>
    </message>
    <message>
        <source>The setting that differs between the runs</source>
        <translation>Настройката, по която опитите се различават</translation>
    </message>
    <message>
        <source>Its values, separated by commas: one run each</source>
        <translation>Стойностите ѝ, разделени със запетая или „;“ (0,01; 0,1): по един опит за всяка</translation>
    </message>
    <message>
        <source>Optionally a second setting: every combination of the two is trained</source>
        <translation>По избор втора настройка: обучава се всяка комбинация от двете</translation>
    </message>
    <message>
        <source>The second setting&apos;s values, separated by commas</source>
        <translation>Стойностите на втората настройка, разделени със запетая или „;“</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравни</translation>
    </message>
    <message>
        <source>over the values</source>
        <translation>при стойности</translation>
    </message>
    <message>
        <source>crossed with</source>
        <translation>комбинирано с</translation>
    </message>
    <message>
        <source>epochs per run</source>
        <translation>епохи за опит</translation>
    </message>
    <message>
        <source>Each run starts from the current network and differs only in the compared settings; they train one after another and land in the Runs tab.</source>
        <translation>Всеки опит започва от текущата мрежа и се различава само по сравняваните настройки; опитите се обучават един след друг и се появяват в раздела „Опити“.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>нищо</translation>
    </message>
    <message>
        <source>compare two different settings</source>
        <translation>сравнявайте две различни настройки</translation>
    </message>
    <message>
        <source>1-, 2- and 3-layer perceptrons</source>
        <translation>1-, 2- и 3-слойни перцептрони</translation>
    </message>
    <message>
        <source>activation functions (2-layer network)</source>
        <translation>активационни функции (2-слойна мрежа)</translation>
    </message>
    <message>
        <source>Load the data first: a run is restored for the data it was trained on.</source>
        <translation>Първо заредете данните: опитът се възстановява за данните, върху които е обучен.</translation>
    </message>
    <message>
        <source>%1 does not fit this data: %2</source>
        <translation>%1 не пасва на тези данни: %2</translation>
    </message>
    <message>
        <source>Restored %1: its network, weights and settings.</source>
        <translation>Възстановен е %1: мрежата, теглата и настройките му.</translation>
    </message>
    <message>
        <source>Load the data first (the Data tab), then sweep.</source>
        <translation>Първо заредете данните (раздел „Данни“), после пуснете серията.</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>тренировъчна загуба</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>тестова загуба</translation>
    </message>
    <message>
        <source>training metric</source>
        <translation>тренировъчна метрика</translation>
    </message>
    <message>
        <source>test metric</source>
        <translation>тестова метрика</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунди</translation>
    </message>
    <message>
        <source>%1 cannot be restored here: %2</source>
        <translation>%1 не може да се възстанови тук: %2</translation>
    </message>
    <message>
        <source>%1 does not fit the points as they are now (the class count changed?).</source>
        <translation>%1 не пасва на точките в сегашния им вид (променен ли е броят на класовете?).</translation>
    </message>
    <message>
        <source>Restored %1: its network, weights and settings. Ctrl+Z brings back the one before.</source>
        <translation>Възстановен е %1: мрежата, теглата и настройките му. Ctrl+Z връща предишната.</translation>
    </message>
    <message>
        <source>The weights of %1 were not kept: it can be compared, not restored.</source>
        <translation>Теглата на %1 не са запазени: той може да се сравнява, но не и да се възстанови.</translation>
    </message>
    <message>
        <source>Sweep finished: %1 runs, shown together in the Runs tab.</source>
        <translation>Серията завърши: %1 опита, показани заедно в раздела „Опити“.</translation>
    </message>
    <message>
        <source>Sweep stopped: the %1 finished runs are kept.</source>
        <translation>Серията е спряна: завършените %1 опита са запазени.</translation>
    </message>
    <message>
        <source>The sweep failed: %1</source>
        <translation>Серията се провали: %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Опит</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Промяна</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметри</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Епохи</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Секунди</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Трен. загуба</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Тест. загуба</translation>
    </message>
    <message>
        <source>Train metric</source>
        <translation>Трен. метрика</translation>
    </message>
    <message>
        <source>Test metric</source>
        <translation>Тест. метрика</translation>
    </message>
    <message>
        <source>test accuracy / R²</source>
        <translation>тестова точност / R²</translation>
    </message>
    <message>
        <source>training accuracy / R²</source>
        <translation>тренировъчна точност / R²</translation>
    </message>
    <message>
        <source>against epochs</source>
        <translation>по епохи</translation>
    </message>
    <message>
        <source>against seconds</source>
        <translation>по секунди</translation>
    </message>
    <message>
        <source>The curve of the selected runs drawn on the overlay</source>
        <translation>Кривата на избраните опити, начертана в общата графика</translation>
    </message>
    <message>
        <source>Compare the runs by epoch, or by wall time (seconds)</source>
        <translation>Сравняване на опитите по епохи или по реално време (секунди)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Възстанови</translation>
    </message>
    <message>
        <source>Put the selected run&apos;s network and settings back into the builder</source>
        <translation>Връща мрежата и настройките на избрания опит в конструктора</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Изтрий</translation>
    </message>
    <message>
        <source>Delete the selected runs</source>
        <translation>Изтрива избраните опити</translation>
    </message>
    <message>
        <source>Table…</source>
        <translation>Таблица…</translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation>Експорт на таблицата като CSV</translation>
    </message>
    <message>
        <source>Plot…</source>
        <translation>Графика…</translation>
    </message>
    <message>
        <source>Export the overlay as PNG</source>
        <translation>Експорт на общата графика като PNG</translation>
    </message>
    <message>
        <source>Overlay:</source>
        <translation>Обща графика:</translation>
    </message>
    <message>
        <source>Runs without weights can be compared but not restored.</source>
        <translation>Опитите без тегла могат да се сравняват, но не и да се възстановяват.</translation>
    </message>
    <message>
        <source>Weights kept: %1 of %2 runs (at most %3, the newest)</source>
        <translation>Запазени тегла: %1 от %2 опита (най-много %3, най-новите)</translation>
    </message>
    <message>
        <source>Differs between the selected runs — %1</source>
        <translation>Разлики между избраните опити — %1</translation>
    </message>
    <message>
        <source>nothing: same settings</source>
        <translation>няма: същите настройки</translation>
    </message>
    <message>
        <source>Select two or more runs to overlay and compare them.</source>
        <translation>Изберете два или повече опита, за да ги наложите и сравните.</translation>
    </message>
    <message>
        <source>1-, 2-, 3-layer</source>
        <translation>1-, 2-, 3-слойни</translation>
    </message>
    <message>
        <source>Train 1-, 2- and 3-layer perceptrons in turn</source>
        <translation>Обучава поред 1-, 2- и 3-слоен перцептрон</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Активации</translation>
    </message>
    <message>
        <source>Train the 2-layer network with each activation</source>
        <translation>Обучава 2-слойната мрежа с всяка активационна функция</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Сравни…</translation>
    </message>
    <message>
        <source>Train the current network with one setting over a few values, one run each</source>
        <translation>Обучава текущата мрежа с няколко стойности на една настройка, по един опит за всяка</translation>
    </message>
    <message>
        <source>Stop sweep</source>
        <translation>Спри серията</translation>
    </message>
    <message>
        <source>Stop the sweep; the runs it has finished are kept</source>
        <translation>Спира серията; завършените опити се запазват</translation>
    </message>
    <message>
        <source>Lab sweeps:</source>
        <translation>Серии на лабораторията:</translation>
    </message>
    <message>
        <source>on</source>
        <comment>images</comment>
        <translation>върху</translation>
    </message>
    <message>
        <source>all images</source>
        <translation>всички изображения</translation>
    </message>
    <message>
        <source> images</source>
        <translation> изображения</translation>
    </message>
    <message>
        <source>Training images per run of a sweep (fewer: faster)</source>
        <translation>Тренировъчни изображения за всеки опит от серия (по-малко: по-бързо)</translation>
    </message>
    <message>
        <source>Sweep finished.</source>
        <translation>Серията завърши.</translation>
    </message>
    <message>
        <source>Sweep stopped; finished runs kept.</source>
        <translation>Серията е спряна; завършените опити са запазени.</translation>
    </message>
    <message>
        <source>Sweep failed.</source>
        <translation>Серията се провали.</translation>
    </message>
    <message>
        <source>Compare settings…</source>
        <translation>Сравни настройки…</translation>
    </message>
    <message>
        <source>Train this network with one setting over a few values (0–3 hidden layers, activations, learning rates, …) and compare the runs in the Runs tab</source>
        <translation>Обучава тази мрежа с няколко стойности на една настройка (0–3 скрити слоя, активационни функции, скорости на обучение, …) и сравнява опитите в раздела „Опити“</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 не може да се запише: %2</translation>
    </message>
    <message>
        <source>Export the runs table</source>
        <translation>Експорт на таблицата с опити</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлове (*.csv)</translation>
    </message>
    <message>
        <source>Export the overlay</source>
        <translation>Експорт на общата графика</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG изображения (*.png)</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Криви</translation>
    </message>
    <message>
        <source>Every training run recorded: compare, overlay, restore; Compare… sweeps a setting</source>
        <translation>Всеки записан опит за обучение: сравняване, налагане, възстановяване; „Сравни…“ пуска серия по една настройка</translation>
    </message>
    <message>
        <source>Backpropagation by the numbers: one training step on one point, stage by stage</source>
        <translation>Обратно разпространение в числа: една стъпка на обучение върху една точка, етап по етап</translation>
    </message>
    <message>
        <source>Training %1 …</source>
        <translation>Обучение на %1 …</translation>
    </message>
    <message>
        <source>Finished %1 (%2 of %3)</source>
        <translation>Завършен %1 (%2 от %3)</translation>
    </message>
    <message>
        <source>Training %1: epoch %2 of %3</source>
        <translation>Обучение на %1: епоха %2 от %3</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>слоеве</translation>
    </message>
    <message>
        <source>width</source>
        <translation>ширина</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>активация</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>η</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>минибатч</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>оптимизатор</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>инерция</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>отпадане</translation>
    </message>
    <message>
        <source>features</source>
        <translation>характеристики</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>точност на числата</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>изменяне на изображенията</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>зародиш</translation>
    </message>
    <message>
        <source>data</source>
        <translation>данни</translation>
    </message>
    <message>
        <source>training images</source>
        <translation>тренировъчни изображения</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>тестови изображения</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>points</source>
        <translation>точки</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>класове</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>тренировъчни точки</translation>
    </message>
    <message>
        <source>test points</source>
        <translation>тестови точки</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Опит %1</translation>
    </message>
    <message>
        <source>%1-layer perceptron</source>
        <translation>%1-слоен перцептрон</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>първи опит</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>същите настройки</translation>
    </message>
    <message>
        <source>%1 layer %2</source>
        <translation>%1 слой %2</translation>
    </message>
    <message>
        <source>absolute</source>
        <translation>абсолютна</translation>
    </message>
    <message>
        <source>squared</source>
        <translation>квадратична</translation>
    </message>
    <message>
        <source>probability of the true class p_y</source>
        <translation>вероятност на верния клас p_y</translation>
    </message>
    <message>
        <source>prediction ŷ</source>
        <translation>предсказание ŷ</translation>
    </message>
    <message>
        <source>(%1 rows)</source>
        <translation>(%1 реда)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>x: the sample&apos;s inputs (after the input features and scaling)</source>
        <translation>x: входовете на примера (след входните характеристики и мащабирането)</translation>
    </message>
    <message>
        <source>target: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>цел: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Layer %1: weighted sum</source>
        <translation>Слой %1: претеглена сума</translation>
    </message>
    <message>
        <source>Layer %1: activation %2</source>
        <translation>Слой %1: активационна функция %2</translation>
    </message>
    <message>
        <source>Softmax: class probabilities</source>
        <translation>Softmax: вероятности на класовете</translation>
    </message>
    <message>
        <source>predicted class &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>предсказан клас &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Изход</translation>
    </message>
    <message>
        <source>ŷ = z (no activation on a regression output)</source>
        <translation>ŷ = z (без активационна функция на регресионния изход)</translation>
    </message>
    <message>
        <source>absolute |ŷ − y|</source>
        <translation>абсолютна |ŷ − y|</translation>
    </message>
    <message>
        <source>squared (ŷ − y)²</source>
        <translation>квадратична (ŷ − y)²</translation>
    </message>
    <message>
        <source>0-1 (wrong class?)</source>
        <translation>0-1 (грешен клас?)</translation>
    </message>
    <message>
        <source>logistic −log p_y</source>
        <translation>логистична −log p_y</translation>
    </message>
    <message>
        <source>Classification measures absolute and squared error on the probabilities against the one-hot target.</source>
        <translation>При класификация абсолютната и квадратичната грешка се мерят върху вероятностите спрямо one-hot целта.</translation>
    </message>
    <message>
        <source>Loss on this sample</source>
        <translation>Загуба върху този пример</translation>
    </message>
    <message>
        <source>training loss (%1): L = %2</source>
        <translation>функция на загубите при обучение (%1): L = %2</translation>
    </message>
    <message>
        <source>∂L/∂ŷ (from the loss)</source>
        <translation>∂L/∂ŷ (от функцията на загубите)</translation>
    </message>
    <message>
        <source>Backward: error at the output</source>
        <translation>Назад: грешката на изхода</translation>
    </message>
    <message>
        <source>Layer %1: back through %2</source>
        <translation>Слой %1: назад през %2</translation>
    </message>
    <message>
        <source>Layer %1: gradients of W and b</source>
        <translation>Слой %1: градиенти на W и b</translation>
    </message>
    <message>
        <source>Layer %1: error passed down</source>
        <translation>Слой %1: грешката, подадена надолу</translation>
    </message>
    <message>
        <source>Layer %1:</source>
        <translation>Слой %1:</translation>
    </message>
    <message>
        <source>Update (one SGD step)</source>
        <translation>Обновяване (една стъпка на SGD)</translation>
    </message>
    <message>
        <source>θ ← θ − η·∂L/∂θ with η = %1</source>
        <translation>θ ← θ − η·∂L/∂θ при η = %1</translation>
    </message>
    <message>
        <source>Loss on this sample: %1 → &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Загуба върху този пример: %1 → &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pick a point</source>
        <translation>Избери точка</translation>
    </message>
    <message>
        <source>Then click a training point on the canvas to walk one training step on it</source>
        <translation>После щракнете върху тренировъчна точка в платното, за да проследите една стъпка на обучение върху нея</translation>
    </message>
    <message>
        <source>training point #</source>
        <translation>тренировъчна точка №</translation>
    </message>
    <message>
        <source>The training point the step is computed for</source>
        <translation>Тренировъчната точка, за която се изчислява стъпката</translation>
    </message>
    <message>
        <source>Own window</source>
        <translation>Отделен прозорец</translation>
    </message>
    <message>
        <source>Show the step in a window of its own (room for the numbers); close it to bring it back here</source>
        <translation>Показва стъпката в отделен прозорец (място за числата); затворете го, за да я върнете тук</translation>
    </message>
    <message>
        <source>Backpropagation, step by step</source>
        <translation>Обратно разпространение, стъпка по стъпка</translation>
    </message>
    <message>
        <source>There are no training points to pick.</source>
        <translation>Няма тренировъчни точки за избиране.</translation>
    </message>
    <message>
        <source>There are no training points.</source>
        <translation>Няма тренировъчни точки.</translation>
    </message>
    <message>
        <source>The network is not built yet: press Train or Step once.</source>
        <translation>Мрежата още не е изградена: натиснете веднъж „Обучи“ или „Стъпка“.</translation>
    </message>
    <message>
        <source>the step view explains cross-entropy, squared and absolute losses, not %1</source>
        <translation>изгледът на стъпката обяснява кръстосана ентропия, квадратична и абсолютна загуба, не %1</translation>
    </message>
    <message>
        <source>No step view for this network: %1</source>
        <translation>Няма изглед на стъпката за тази мрежа: %1</translation>
    </message>
    <message>
        <source>Training point #%1 at (%2), target %3: one SGD step of batch size 1 with learning rate %4 (the network itself does not change).</source>
        <translation>Тренировъчна точка №%1 в (%2), цел %3: една стъпка на SGD с минибатч 1 и скорост на обучение %4 (самата мрежа не се променя).</translation>
    </message>
    <message>
        <source>The network or the points changed: pick a point again for the new numbers.</source>
        <translation>Мрежата или точките се промениха: изберете точка отново за новите числа.</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Напред ▶</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Пусни</translation>
    </message>
    <message>
        <source>The previous stage of the step</source>
        <translation>Предишният етап на стъпката</translation>
    </message>
    <message>
        <source>The next stage of the step: forward, the loss, backward, the update</source>
        <translation>Следващият етап на стъпката: напред, загубата, назад, обновяването</translation>
    </message>
    <message>
        <source>Walk through the stages by themselves, one every few seconds</source>
        <translation>Етапите се сменят сами, по един на няколко секунди</translation>
    </message>
    <message>
        <source>Click a training point, then walk through one SGD step on it.</source>
        <translation>Щракнете върху тренировъчна точка и проследете една стъпка на SGD върху нея.</translation>
    </message>
    <message>
        <source>stage %1 of %2</source>
        <translation>етап %1 от %2</translation>
    </message>
    <message>
        <source>test</source>
        <comment>colour bar legend: a test point</comment>
        <translation>тест</translation>
    </message>
    <message>
        <source>train</source>
        <comment>colour bar legend: a training point</comment>
        <translation>обучение</translation>
    </message>
    <message>
        <source>The map&apos;s colour is the network&apos;s prediction ŷ: orange positive, blue negative, pale near 0; full colour at |ŷ| ≥ %1 (the largest |target| of the points).</source>
        <translation>Цветът на картата е прогнозата ŷ на мрежата: оранжево за положителни, синьо за отрицателни, бледо около 0; пълен цвят при |ŷ| ≥ %1 (най-голямата |цел| сред точките).</translation>
    </message>
    <message>
        <source>The map shows the likeliest class in its colour; the stronger the colour, the surer the network (from %1, a guess among %2 classes, to %3).</source>
        <translation>Картата показва най-вероятния клас в неговия цвят; колкото по-наситен е цветът, толкова по-сигурна е мрежата (от %1 — налучкване между %2 класа — до %3).</translation>
    </message>
    <message>
        <source>The line is the network&apos;s prediction ŷ(x).</source>
        <translation>Линията е прогнозата ŷ(x) на мрежата.</translation>
    </message>
    <message>
        <source>A filled dot is a training point; a ring is a test point the network never trains on.</source>
        <translation>Плътната точка е тренировъчна; кръгчето е тестова точка, върху която мрежата никога не се обучава.</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + инерция</translation>
    </message>
    <message>
        <source>Squared error (MSE)</source>
        <translation>Квадратична (MSE)</translation>
    </message>
    <message>
        <source>Absolute error (L1)</source>
        <translation>Абсолютна (L1)</translation>
    </message>
    <message>
        <source>The loss L the training makes small. Squared error punishes big misses hard; absolute error treats all misses alike and is less swayed by outliers.</source>
        <translation>Функцията на загубите L, която обучението намалява. Квадратичната грешка наказва силно големите пропуски; абсолютната грешка третира всички пропуски еднакво и по-малко се влияе от изключенията.</translation>
    </message>
    <message>
        <source>How the gradient becomes a step. SGD: W ← W − η·∂L/∂W. Momentum keeps a running direction that smooths noisy minibatch steps. Adam scales each weight&apos;s step by its own gradient history and usually needs a smaller η.</source>
        <translation>Как градиентът става стъпка. SGD: W ← W − η·∂L/∂W. Инерцията пази текуща посока, която изглажда шумните стъпки по минибатчове. Adam мащабира стъпката на всяко тегло според собствената му история на градиента и обикновено иска по-малко η.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Загуба</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Инерция</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Скорост на обучение η</translation>
    </message>
    <message>
        <source>L1 strength</source>
        <translation>Сила на L1</translation>
    </message>
    <message>
        <source>L2 strength</source>
        <translation>Сила на L2</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Отпадане</translation>
    </message>
    <message>
        <source>Move this layer one place towards the input.</source>
        <translation>Премести слоя с една позиция към входа.</translation>
    </message>
    <message>
        <source>Move this layer one place towards the output.</source>
        <translation>Премести слоя с една позиция към изхода.</translation>
    </message>
    <message>
        <source>Remove this hidden layer.</source>
        <translation>Премахни този скрит слой.</translation>
    </message>
    <message>
        <source>Neurons in hidden layer %1 (1–%2). More neurons can bend the decision boundary more, but learn slower and can overfit.</source>
        <translation>Неврони в скрит слой %1 (1–%2). Повече неврони могат да огънат границата на решение повече, но се обучават по-бавно и могат да доведат до преобучение.</translation>
    </message>
    <message>
        <source>Activation α of this layer: the non-linearity applied to z = Wx + b. Without one, extra layers add nothing.</source>
        <translation>Активационна функция α на този слой: нелинейността, приложена към z = Wx + b. Без нея допълнителните слоеве не добавят нищо.</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Входове</translation>
    </message>
    <message>
        <source>Feed %1 to the network as an input. Hand-made features like x₁² or x₁·x₂ let even a network without hidden layers draw curved boundaries.</source>
        <translation>Подай %1 на мрежата като вход. Ръчно създадени характеристики като x₁² или x₁·x₂ позволяват дори на мрежа без скрити слоеве да чертае криви граници.</translation>
    </message>
    <message>
        <source>+ Add layer</source>
        <translation>+ Добави слой</translation>
    </message>
    <message>
        <source>Add a hidden layer before the output (at most %1). Each layer computes α(Wx + b) of the one before it; depth lets the net compose simple boundaries into complex ones.</source>
        <translation>Добави скрит слой преди изхода (най-много %1). Всеки слой изчислява α(Wx + b) от предходния; дълбочината позволява на мрежата да съставя сложни граници от прости.</translation>
    </message>
    <message>
        <source>No hidden layer: a single-layer perceptron f(x) = σ(Wx + b), which can only separate classes with straight lines.</source>
        <translation>Без скрит слой: еднослоен перцептрон f(x) = σ(Wx + b), който може да разделя класове само с прави линии.</translation>
    </message>
    <message>
        <source>How much of the previous step is kept in the next (0–0.99). Higher values roll faster through flat regions but can overshoot.</source>
        <translation>Каква част от предишната стъпка се запазва в следващата (0–0,99). По-големите стойности минават по-бързо през равни области, но могат да прескочат.</translation>
    </message>
    <message>
        <source>Learning rate η: the size of each gradient step. Too small learns slowly; too large overshoots and the loss jumps or diverges. Can be changed while training.</source>
        <translation>Скорост на обучение η: размерът на всяка стъпка на градиентния спуск. Твърде малка — обучава бавно; твърде голяма — прескача и загубата скача или расте неограничено. Може да се променя по време на обучение.</translation>
    </message>
    <message>
        <source>Points per gradient step (minibatch). Small batches give many noisy steps (stochastic gradient descent); large batches give fewer, smoother ones.</source>
        <translation>Точки на стъпка на градиента (минибатч). Малките минибатчове дават много шумни стъпки (стохастичен градиентен спуск); големите — по-малко и по-гладки.</translation>
    </message>
    <message>
        <source>L1 regularisation: adds λ·Σ|w| to the loss, pushing unneeded weights to exactly zero (a sparser network). 0 turns it off.</source>
        <translation>L1 регуляризация: добавя λ·Σ|w| към загубата и свежда ненужните тегла точно до нула (по-разредена мрежа). 0 я изключва.</translation>
    </message>
    <message>
        <source>L2 regularisation (weight decay): adds λ·Σw² to the loss, keeping weights small and boundaries smooth, which fights overfitting. 0 turns it off.</source>
        <translation>L2 регуляризация (затихване на теглата): добавя λ·Σw² към загубата, като държи теглата малки и границите гладки, което противодейства на преобучението. 0 я изключва.</translation>
    </message>
    <message>
        <source>Dropout: while training, each hidden neuron is switched off with this probability, so the net cannot rely on any single one. 0 turns it off.</source>
        <translation>Отпадане: по време на обучение всеки скрит неврон се изключва с тази вероятност, така че мрежата не може да разчита на нито един отделен неврон. 0 го изключва.</translation>
    </message>
    <message>
        <source>Number of weights and biases θ = ⟨W, b⟩ the training adjusts.</source>
        <translation>Брой на теглата и изместванията θ = ⟨W, b⟩, които обучението настройва.</translation>
    </message>
    <message>
        <source>%1 classes: softmax, cross-entropy loss</source>
        <translation>%1 класа: softmax, загуба кръстосана ентропия</translation>
    </message>
    <message>
        <source>Softmax turns the output scores into class probabilities; cross-entropy (logistic loss) is −log of the probability given to the right class.</source>
        <translation>Softmax превръща изходните оценки във вероятности за класовете; кръстосаната ентропия (логистична загуба) е −log от вероятността, дадена на верния клас.</translation>
    </message>
    <message>
        <source>%1 values: linear</source>
        <translation>%1 стойности: линеен</translation>
    </message>
    <message>
        <source>%1 value: linear</source>
        <translation>%1 стойност: линеен</translation>
    </message>
    <message>
        <source>A linear output neuron predicts the number directly; the loss compares it with the target.</source>
        <translation>Линеен изходен неврон предсказва числото пряко; загубата го сравнява с целта.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln&lt;/b&gt; parameters · %1</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; параметър · %1</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; параметъра · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unexpected error in the worker: %1: %2</source>
        <translation>Неочаквана грешка във фоновата задача: %1: %2</translation>
    </message>
</context>
</TS>
